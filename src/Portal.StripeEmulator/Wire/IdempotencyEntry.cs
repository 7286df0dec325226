namespace Portal.StripeEmulator.Wire;

/// <summary>What the emulator keeps under an Idempotency-Key: the request it came with and, once done, the answer.</summary>
internal sealed class IdempotencyEntry(string fingerprint, DateTimeOffset created)
{
    public string Fingerprint { get; } = fingerprint;

    public DateTimeOffset Created { get; } = created;

    public bool InFlight { get; set; } = true;

    public int Status { get; set; }

    public string? ContentType { get; set; }

    public byte[] Body { get; set; } = [];

    public string? RequestId { get; set; }
}
