namespace Portal.Billing.Models;

/// <summary>
/// A Stripe event received for this practice (by the webhook or found by reconciliation), kept as Stripe
/// signed it. The evt_ id is the key, so a duplicate delivery cannot be stored twice; the event is done
/// once every handler has run (<see cref="ProcessedAt"/>).
/// </summary>
public sealed class StripeEvent
{
    public const int IdMaxLength = 255;
    public const int TypeMaxLength = 100;
    public const int LastErrorMaxLength = 2000;

    /// <summary>Stripe's evt_... id.</summary>
    public string Id { get; set; } = "";

    public string Type { get; set; } = "";

    /// <summary>The connected account (acct_...) the event happened on.</summary>
    public string Account { get; set; } = "";

    /// <summary>When Stripe created the event (UTC).</summary>
    public DateTime Created { get; set; }

    /// <summary>The event's JSON as Stripe sent it (or listed it).</summary>
    public string Payload { get; set; } = "";

    public DateTime ReceivedAt { get; set; }

    public DateTime? ProcessedAt { get; set; }

    /// <summary>What the last failed attempt said (the job retries it).</summary>
    public string? LastError { get; set; }
}
