namespace Portal.Identity.Services;

/// <summary>
/// How many refused login widget forms a practice's audit trail takes: the first
/// <see cref="RecordedPerWindow"/> in each <see cref="Window"/> are recorded, later ones only logged. A
/// refused form is answered before anything is checked, so a flood of them (a script posting from a made-up
/// origin) costs the server little; without this budget it would still add a row to the trail each time.
/// Counted per server in memory, so several servers record at most that many each: bounded either way.
/// </summary>
public sealed class WidgetRefusalBudget(TimeProvider clock)
{
    public const int RecordedPerWindow = 20;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Dictionary<Guid, (DateTimeOffset Started, int Count)> _windows = [];
    private readonly Lock _gate = new();

    /// <summary>Whether this refusal is recorded, and whether it is the last one recorded in its window (so the entry can say so).</summary>
    public (bool Record, bool Last) Take(Guid practiceId)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var window = _windows.TryGetValue(practiceId, out var current) && now - current.Started < Window
                ? current
                : (Started: now, Count: 0);
            window.Count++;
            _windows[practiceId] = window;
            return (window.Count <= RecordedPerWindow, window.Count == RecordedPerWindow);
        }
    }
}
