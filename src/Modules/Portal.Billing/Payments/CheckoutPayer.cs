namespace Portal.Billing.Payments;

/// <summary>The client user paying: named in the session's metadata, and Stripe's receipt goes to the address.</summary>
public sealed record CheckoutPayer(Guid UserId, string? Email);
