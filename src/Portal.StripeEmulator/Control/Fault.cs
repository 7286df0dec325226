namespace Portal.StripeEmulator.Control;

/// <summary>A fault for the next API requests: an error status (429, 500, ...) or a delay (longer than the client's timeout).</summary>
internal sealed class Fault(int? status, TimeSpan? delay, int count)
{
    public int? Status { get; } = status;

    public TimeSpan? Delay { get; } = delay;

    public int Remaining { get; set; } = count;
}
