using System.Net;
using Portal.StripeEmulator.Wire;

namespace Portal.StripeEmulator.Control;

/// <summary>
/// Applies queued faults to API requests. It runs after the idempotency key is claimed, as a real outage
/// would: an error answer is not kept (a retry with the same key runs the request), and a delayed request
/// still completes, so a client that timed out and retries gets a 409 while it runs and the replay after.
/// </summary>
internal sealed class FaultInjection(RequestDelegate next, FaultPlan plan)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var fault = plan.Take();
        if (fault?.Status is { } status)
        {
            throw status == (int)HttpStatusCode.TooManyRequests
                ? new StripeApiException(HttpStatusCode.TooManyRequests, "invalid_request_error", "Too many requests hit the API too quickly (emulated rate limit).", "rate_limit")
                : new StripeApiException((HttpStatusCode)status, "api_error", $"An error occurred with our connection to Stripe (emulated HTTP {status}).");
        }

        if (fault?.Delay is { } delay)
        {
            // Not cancelled when the client gives up: the request still runs to its end, as on Stripe.
            await Task.Delay(delay, CancellationToken.None);
        }

        await next(context);
    }
}
