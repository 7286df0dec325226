namespace Portal.Sync.Models;

/// <summary>
/// When a device code was last polled and how long its machine must now wait between polls (RFC 8628
/// s3.5: 5 seconds, 5 more after every slow_down). Keyed by a hash of the device code, never the code.
/// </summary>
public sealed class SyncDevicePoll
{
    public const int KeyLength = 64;

    public string DeviceCodeHash { get; set; } = "";

    public DateTime LastPolledAt { get; set; }

    public int IntervalSeconds { get; set; }
}
