namespace Portal.Tests.Infrastructure;

/// <summary>Real time plus an offset tests can move forward (link expiry, retention), or frozen at a moment.</summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;
    private long _frozenTicks;

    public override DateTimeOffset GetUtcNow()
    {
        var frozen = Interlocked.Read(ref _frozenTicks);
        return frozen != 0 ? new DateTimeOffset(frozen, TimeSpan.Zero) : base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
    }

    public void Advance(TimeSpan by)
    {
        Interlocked.Add(ref _offsetTicks, by.Ticks);
        if (Interlocked.Read(ref _frozenTicks) != 0)
        {
            Interlocked.Add(ref _frozenTicks, by.Ticks);
        }
    }

    /// <summary>Stops time at a given moment (for TOTP steps), until <see cref="Advance"/> moves it.</summary>
    public void Freeze(DateTimeOffset at) => Interlocked.Exchange(ref _frozenTicks, at.UtcTicks);
}
