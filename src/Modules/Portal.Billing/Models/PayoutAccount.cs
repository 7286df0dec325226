namespace Portal.Billing.Models;

/// <summary>
/// The practice's Stripe connected account, where its clients' payments are paid (one row at most: the
/// database is the practice's). Its standing is Stripe's, copied on each read and on account.updated.
/// </summary>
public sealed class PayoutAccount
{
    public const int AccountIdMaxLength = 255;
    public const int CurrentlyDueMaxLength = 4000;

    /// <summary>Stripe's acct_... id; the key, so two racing creations cannot both be stored.</summary>
    public string StripeAccountId { get; set; } = "";

    public bool ChargesEnabled { get; set; }

    public bool PayoutsEnabled { get; set; }

    public bool DetailsSubmitted { get; set; }

    /// <summary>Stripe's requirements.currently_due, comma-separated as Stripe names them.</summary>
    public string CurrentlyDue { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public Guid? CreatedBy { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Ready to accept payments: Stripe lets the account charge and pay out.</summary>
    public bool Ready => ChargesEnabled && PayoutsEnabled;

    public IReadOnlyList<string> Due => CurrentlyDue.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
