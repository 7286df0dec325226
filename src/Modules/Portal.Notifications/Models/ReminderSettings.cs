using Portal.Core.Settings;

namespace Portal.Notifications.Models;

/// <summary>Whether notices to portal users wait for review (as in practice-management desktop portals) or go at once.</summary>
public sealed record ReminderSettings : ISettingsSection
{
    public static string SectionName => "reminders";

    public bool ReviewBeforeSending { get; init; } = true;
}
