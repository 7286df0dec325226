using Portal.StripeEmulator.State;

namespace Portal.StripeEmulator.Wire;

/// <summary>Gives every answer a Request-Id header, as Stripe does (clients log it).</summary>
internal sealed class RequestIds(RequestDelegate next)
{
    public const string Header = "Request-Id";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers[Header] = StripeIds.New("req_", 14);
        return next(context);
    }
}
