namespace Portal.Sync.Models;

/// <summary>
/// A payment the program sent, by its external id. Written before the payment is recorded (with the id
/// the payment will get), so a batch sent again after a crash records that payment, never a second one.
/// </summary>
public sealed class SyncedPayment
{
    public const int FingerprintLength = 64;

    public string ExternalId { get; set; } = "";

    public Guid PaymentId { get; set; }

    /// <summary>SHA-256 (hex) of the item's facts as recorded, to tell the same payment from a changed one.</summary>
    public string Fingerprint { get; set; } = "";

    public DateTime SyncedAt { get; set; }
}
