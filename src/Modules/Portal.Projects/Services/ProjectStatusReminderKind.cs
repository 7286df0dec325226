using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Contracts;
using Portal.Core.Mail;
using Portal.Core.Tenancy;

namespace Portal.Projects.Services;

/// <summary>What a status e-mail needs to be composed later: the project and whom to greet.</summary>
public sealed record ProjectStatusPayload(Guid ProjectId, string RecipientName);

/// <summary>
/// "The status of your project changed" e-mails, composed when the reminder is sent: the status is
/// read then, so a reminder that waited in the review queue says where the project stands now. A
/// project that no longer exists withdraws the reminder.
/// </summary>
public sealed class ProjectStatusReminderKind(
    ProjectLibrary projects,
    ProjectStatusList statuses,
    IClientDirectory clients,
    MailComposer composer,
    LinkGenerator links,
    TenantContext tenantContext,
    TenantUrls urls) : IReminderKind
{
    public const string Name = "projects.status";

    public string Kind => Name;

    public string DisplayName => "Project status";

    public async Task<MailDraft?> ComposeAsync(ReminderRequest reminder, bool preview, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<ProjectStatusPayload>(reminder.Payload) ?? throw new InvalidOperationException("Empty project status reminder.");
        if (await projects.FindAsync(payload.ProjectId, cancellationToken) is not { } project
            || await statuses.FindAsync(project.StatusId, cancellationToken) is not { } status)
        {
            return null;
        }

        var client = await clients.FindAsync(project.ClientId, cancellationToken);
        var path = links.GetPathByPage("/Projects/Details", values: new { id = project.Id }) ?? "/";
        return await composer.ComposeAsync(
            ProjectMailTemplates.StatusChanged,
            [reminder.Recipient],
            new Dictionary<string, object?>
            {
                ["name"] = payload.RecipientName,
                ["clientName"] = client?.Name ?? "",
                ["projectName"] = project.Name,
                ["statusName"] = status.Name,
                ["link"] = urls.Link(tenantContext.Tenant, path),
            },
            cancellationToken);
    }
}
