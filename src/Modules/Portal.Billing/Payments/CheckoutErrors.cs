using Portal.Core.Errors;

namespace Portal.Billing.Payments;

/// <summary>Errors of a client's Pay, worded for the client.</summary>
public static class CheckoutErrors
{
    public static readonly PortalError StripeDidNotAnswer = new("checkout-stripe-did-not-answer", ErrorKind.Conflict, "Payments are not answering right now; nothing was charged. Try again in a minute.");
    public static readonly PortalError Unavailable = new("checkout-unavailable", ErrorKind.Conflict, "Online payment is not available for this invoice. Contact the practice to pay it another way.");
    public static readonly PortalError RequestUnavailable = new("checkout-request-unavailable", ErrorKind.Conflict, "Online payment is not available for this request right now. Contact the practice to pay it another way.");
    public static readonly PortalError RequestExpiresTooSoon = new("checkout-request-expires-too-soon", ErrorKind.Conflict, "This request expires in less than 30 minutes, too soon to pay it online: ask the practice for a new one.");
    public static readonly PortalError SessionNotFound = new("checkout-session-not-found", ErrorKind.NotFound, "There is no such payment.");

    /// <summary>Stripe refused the request (4xx): the client is told nothing was charged; staff find Stripe's words in the log.</summary>
    public static readonly PortalError StripeRefused = new("checkout-stripe-refused", ErrorKind.Conflict, "The payment could not be started; nothing was charged. Contact the practice if this happens again.");
}
