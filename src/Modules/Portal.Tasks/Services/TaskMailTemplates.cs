using Portal.Core.Mail;

namespace Portal.Tasks.Services;

/// <summary>
/// The module's e-mails. None holds a comment's text or a note: they say what is waiting and link to
/// the task, where the reader signs in to see it.
/// </summary>
public static class TaskMailTemplates
{
    public const string CommentsName = "tasks.comments";
    public const string RequestReminderName = "tasks.request-reminder";

    public static readonly MailTemplateDefinition Comments = new(
        CommentsName,
        "Tasks: new comments",
        "Sent to the other side when comments are written on a task (at most one per person and task every few minutes). It never holds the comments.",
        "New comments on \"{{ title }}\"",
        """
        <p>Hello {{ name }},</p>
        <p>There {% if count == 1 %}is a new comment{% else %}are {{ count }} new comments{% endif %} on <strong>{{ title }}</strong>{% if clientName != "" %} ({{ clientName }}){% endif %}.</p>
        <p><a href="{{ link }}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:{{ brandColor }};color:#ffffff;text-decoration:none;font-weight:600">Read and reply</a></p>
        """,
        """
        Hello {{ name }},

        There {% if count == 1 %}is a new comment{% else %}are {{ count }} new comments{% endif %} on "{{ title }}"{% if clientName != "" %} ({{ clientName }}){% endif %}.

        Read and reply: {{ link }}
        """,
        new Dictionary<string, object?>
        {
            ["name"] = "Jordan Lee",
            ["title"] = "2026 personal return: slips",
            ["clientName"] = "Jordan Lee",
            ["count"] = 2,
            ["link"] = "https://example.com/tasks/00000000-0000-0000-0000-000000000000",
        });

    public static readonly MailTemplateDefinition RequestReminder = new(
        RequestReminderName,
        "Tasks: document request reminder",
        "Sent to a client's portal users on the practice's reminder schedule while a document request is open. The button opens the request once (it expires), after signing in.",
        "Reminder: {{ title }}{% if overdue %} is overdue{% else %} is due {{ due }}{% endif %}",
        """
        <p>Hello {{ name }},</p>
        <p>{{ practiceName }} is still waiting for {{ outstanding }} {% if outstanding == 1 %}document{% else %}documents{% endif %} for <strong>{{ title }}</strong>{% if overdue %}, which was due {{ due }}{% else %}, due {{ due }}{% endif %}.</p>
        <p><a href="{{ link }}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:{{ brandColor }};color:#ffffff;text-decoration:none;font-weight:600">Open the request</a></p>
        <p>The button works once, for {{ linkDays }} days.</p>
        """,
        """
        Hello {{ name }},

        {{ practiceName }} is still waiting for {{ outstanding }} {% if outstanding == 1 %}document{% else %}documents{% endif %} for "{{ title }}"{% if overdue %}, which was due {{ due }}{% else %}, due {{ due }}{% endif %}.

        Open the request: {{ link }}

        The link works once, for {{ linkDays }} days.
        """,
        new Dictionary<string, object?>
        {
            ["name"] = "Jordan Lee",
            ["title"] = "2026 personal return: slips",
            ["outstanding"] = 2,
            ["due"] = "30 April 2027",
            ["overdue"] = false,
            ["linkDays"] = 7,
            ["link"] = "https://example.com/tasks/link?token=sample",
        });
}
