using Portal.Core.Settings;

namespace Portal.Core.Time;

/// <summary>
/// The current practice's time zone and its "today" (Orchard's ILocalClock). Stored times stay UTC;
/// everything a person reads, on a page or in an e-mail, is converted here and says which zone it is
/// in. The zone is read once per unit of work.
/// </summary>
public sealed class PracticeClock(SiteSettingsStore settings, TimeProvider clock)
{
    private PracticeTimeZone? _zone;

    public async Task<PracticeTimeZone> ZoneAsync(CancellationToken cancellationToken = default)
        => _zone ??= PracticeTimeZone.For((await settings.GetAsync<SiteSettings>(cancellationToken)).TimeZone);

    /// <summary>"Today" where the practice is: a contributor whose access ends on 30 June keeps it until midnight of 30 June there, not in UTC.</summary>
    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default)
        => DateOnly.FromDateTime((await ZoneAsync(cancellationToken)).ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>Now, in UTC (stored values are UTC).</summary>
    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;
}
