using Portal.Core.Settings;

namespace Portal.Clients.Services;

/// <summary>
/// "Today" where the practice is: a contributor whose access ends on 30 June keeps it until midnight
/// of 30 June in the practice's time zone, not in UTC.
/// </summary>
public sealed class PracticeCalendar(SiteSettingsStore settings, TimeProvider clock)
{
    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default)
    {
        var site = await settings.GetAsync<SiteSettings>(cancellationToken);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(site.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }
}
