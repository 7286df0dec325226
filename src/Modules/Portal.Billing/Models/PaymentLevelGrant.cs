namespace Portal.Billing.Models;

/// <summary>The payment level given to one staff member; no row means <see cref="PaymentLevel.None"/>.</summary>
public sealed class PaymentLevelGrant
{
    public Guid UserId { get; set; }

    public PaymentLevel Level { get; set; }

    public DateTime ChangedAt { get; set; }

    public Guid? ChangedBy { get; set; }
}
