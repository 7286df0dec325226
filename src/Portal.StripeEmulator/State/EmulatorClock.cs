namespace Portal.StripeEmulator.State;

/// <summary>The emulator's time: the host's clock plus an offset the control API can move forward.</summary>
internal sealed class EmulatorClock : TimeProvider
{
    private readonly TimeProvider _inner;
    private long _offsetTicks;

    public EmulatorClock(TimeProvider inner) => _inner = inner;

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
