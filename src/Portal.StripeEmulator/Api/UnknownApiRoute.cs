using System.Net;
using Portal.StripeEmulator.Wire;

namespace Portal.StripeEmulator.Api;

/// <summary>Any /v1 URL the emulator does not serve: Stripe's 404 "Unrecognized request URL".</summary>
internal static class UnknownApiRoute
{
    public static IResult Answer(HttpContext context)
        => throw new StripeApiException(HttpStatusCode.NotFound, "invalid_request_error",
            $"Unrecognized request URL ({context.Request.Method}: {context.Request.Path}). The Stripe emulator does not implement this endpoint.");
}
