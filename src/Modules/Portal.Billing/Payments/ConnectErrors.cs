using Portal.Core.Errors;

namespace Portal.Billing.Payments;

/// <summary>Errors of setting up payments (Connect onboarding), worded for the practice's administrator.</summary>
public static class ConnectErrors
{
    public static readonly PortalError Unavailable = new("payments-unavailable", ErrorKind.Conflict, "Online payments are not available on this portal yet: the platform's Stripe keys are not configured.");
    public static readonly PortalError StripeDidNotAnswer = new("stripe-did-not-answer", ErrorKind.Conflict, "Stripe did not answer. Nothing was changed; try again in a minute.");
    public static readonly PortalError NotStarted = new("payments-setup-not-started", ErrorKind.Conflict, "Payments are not set up yet: start with \"Set up payments\".");

    /// <summary>Stripe refused the request (4xx): say so with Stripe's own words, which name no secret.</summary>
    public static PortalError StripeRefused(string? message) => new("stripe-refused", ErrorKind.Conflict, $"Stripe refused the request: {message ?? "no reason given"}.");
}
