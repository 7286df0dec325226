using Portal.Core.Mail;

namespace Portal.Projects.Services;

/// <summary>
/// The e-mail a client's users may get when a project's status changes. It names the project and its
/// new status and links to the project; staff's note never goes into it (it may be posted as a message,
/// which is read in the portal).
/// </summary>
public static class ProjectMailTemplates
{
    public const string StatusChanged = "projects.status-changed";

    public static readonly MailTemplateDefinition StatusChangedTemplate = new(
        StatusChanged,
        "A project's status changed",
        "Sent to a client's full-access portal users when staff post a project's new status and ask to e-mail the client.",
        "{{ projectName }}: {{ statusName }}",
        """
        <p>Hello {{ name }},</p>
        <p>{{ practiceName }} updated the status of <strong>{{ projectName }}</strong> for {{ clientName }}: it is now <strong>{{ statusName }}</strong>.</p>
        <p><a href="{{ link }}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:{{ brandColor }};color:#ffffff;text-decoration:none;font-weight:600">See the project</a></p>
        """,
        """
        Hello {{ name }},

        {{ practiceName }} updated the status of {{ projectName }} for {{ clientName }}: it is now {{ statusName }}.

        See the project at {{ link }}
        """,
        new Dictionary<string, object?>
        {
            ["name"] = "Jordan Lee",
            ["clientName"] = "Jordan Lee",
            ["projectName"] = "2026 Personal tax return",
            ["statusName"] = "Waiting on you",
            ["link"] = "https://example.portal/projects/0193a1f0-0000-7000-8000-000000000001",
        });
}
