using System.Linq.Expressions;
using Portal.Billing.Models;

namespace Portal.Billing.Payments;

/// <summary>
/// What a Checkout is for (an invoice, or a secure payment request), as <see cref="CheckoutSessions"/> needs it
/// to keep one open session per subject: how its open attempt is found (the unique "open" column), a new attempt
/// with the subject's fields, whether an open attempt still asks for what this Pay asks, the session's shape,
/// where the browser goes when the session is found paid, and when the subject stops being payable (a request's
/// expiry: the session's expires_at never goes past it).
/// </summary>
internal sealed record CheckoutSubject(
    string Name,
    Expression<Func<CheckoutAttempt, bool>> IsOpenAttempt,
    Func<CheckoutAttempt> NewAttempt,
    Func<CheckoutAttempt, bool> Fits,
    Func<CheckoutAttempt, CheckoutSessionShape> Shape,
    Func<string, string> SuccessUrl,
    DateTime? PayableUntil = null);

/// <summary>The parameters of an attempt's session besides its amounts: all derived from the attempt, so a retry sends the same body.</summary>
internal sealed record CheckoutSessionShape(
    string Line,
    string? ClientReference,
    string? CustomerEmail,
    Dictionary<string, string> Metadata,
    string SuccessUrl,
    string CancelUrl);
