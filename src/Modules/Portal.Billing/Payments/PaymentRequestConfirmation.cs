namespace Portal.Billing.Payments;

/// <summary>What a payment request's session came to, for its thank-you page: only what the payer may be shown again.</summary>
public sealed record PaymentRequestConfirmation(CheckoutOutcome Outcome, long Total, string Currency, DateOnly? PaidOn);
