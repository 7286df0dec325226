using Portal.Core.Settings;

namespace Portal.Core.Time;

/// <summary>The practice clock over the site settings' time zone, read once per unit of work.</summary>
internal sealed class PracticeClock(SiteSettingsStore settings, TimeProvider clock) : IPracticeClock
{
    private PracticeTimeZone? _zone;

    public async Task<PracticeTimeZone> ZoneAsync(CancellationToken cancellationToken = default)
        => _zone ??= PracticeTimeZone.For((await settings.GetAsync<SiteSettings>(cancellationToken)).TimeZone);

    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default)
        => DateOnly.FromDateTime((await ZoneAsync(cancellationToken)).ToLocal(clock.GetUtcNow().UtcDateTime));

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;
}
