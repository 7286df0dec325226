namespace Portal.Tasks.Services;

/// <summary>
/// Pages of the module as code outside a page names them (navigation items and e-mails carry a path);
/// markup links with asp-page.
/// </summary>
public static class TaskPaths
{
    public const string ClientList = "/tasks";
    public const string StaffList = "/admin/tasks";

    public static string ClientTask(Guid taskId) => $"/tasks/{taskId}";

    public static string StaffTask(Guid taskId) => $"/admin/tasks/{taskId}";

    public static string ReminderLink(string token) => $"/tasks/link?token={Uri.EscapeDataString(token)}";
}
