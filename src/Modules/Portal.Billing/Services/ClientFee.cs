namespace Portal.Billing.Services;

/// <summary>
/// The fee a client pays on top of an amount, and why: <see cref="Amount"/> is 0 when the practice does not
/// pass the fee through or the client is in a no-fee province (<see cref="ProvinceExempt"/>, Quebec by default).
/// </summary>
public sealed record ClientFee(long Amount, bool PassedThrough, bool ProvinceExempt, string? Province);
