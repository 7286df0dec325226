using Portal.Billing.Models;

namespace Portal.Billing.Payments;

/// <summary>What a session came to, for the success and cancel pages: the outcome, the attempt, and the total Stripe charged or asks for.</summary>
public sealed record CheckoutConfirmation(CheckoutOutcome Outcome, CheckoutAttempt Attempt, long Total);
