using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.StripeEmulator.Wire;

/// <summary>Writes a Stripe API answer (pretty-printed JSON, as Stripe sends it).</summary>
internal static class StripeJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Task WriteAsync(HttpContext context, JsonNode body)
    {
        context.Response.ContentType = "application/json";

        // Not cancelled when the client hangs up: the answer must still be complete for the idempotency replay.
        return context.Response.WriteAsync(body.ToJsonString(Indented), CancellationToken.None);
    }

    public static IResult Ok(JsonNode body) => new StripeJsonResult(body);

    private sealed class StripeJsonResult(JsonNode body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, body);
    }
}
