using Portal.Billing.Models;

namespace Portal.Billing.Services;

/// <summary>What a client pays for an amount of an invoice: the amount, the pass-through fee (its own line) and the total.</summary>
public sealed record PayQuote(long Amount, long Fee, string Currency)
{
    public long Total => Amount + Fee;

    public static PayQuote For(long amount, string currency, PaymentSettings settings, string? clientProvince)
        => new(amount, settings.PassFeeToClient && amount > 0 ? FeeCalculator.Fee(amount, settings.FeeSchedule, clientProvince) : 0, currency);
}
