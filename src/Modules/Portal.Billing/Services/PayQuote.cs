namespace Portal.Billing.Services;

/// <summary>What a client pays for an amount of an invoice: the amount, the pass-through fee (its own line) and the total.</summary>
public sealed record PayQuote(long Amount, long Fee, string Currency)
{
    public long Total => Amount + Fee;
}
