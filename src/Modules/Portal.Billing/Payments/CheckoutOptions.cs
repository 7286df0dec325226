namespace Portal.Billing.Payments;

/// <summary>How the portal opens Stripe Checkout for a client's Pay (configuration section <c>Portal:Payments:Checkout</c>).</summary>
public sealed class CheckoutOptions
{
    public const string Section = "Portal:Payments:Checkout";

    /// <summary>Stripe accepts expires_at from 30 minutes to 24 hours ahead.</summary>
    public static readonly TimeSpan ShortestLifetime = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan LongestLifetime = TimeSpan.FromHours(24);

    /// <summary>How long a client's Checkout Session may be paid (sent as expires_at).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(1);

    public bool IsValid => SessionLifetime >= ShortestLifetime && SessionLifetime <= LongestLifetime;
}
