using Portal.Core.Errors;

namespace Portal.Notifications;

/// <summary>What the reminders feature refuses, in one place (docs/api.md lists the codes).</summary>
internal static class ReminderErrors
{
    public static readonly PortalError ReminderNotFound = new("reminder-not-found", ErrorKind.NotFound, "There is no such reminder waiting to be sent.");
}
