using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.Billing.Payments;
using Portal.Billing.Payments.Webhooks;
using Portal.Core.Modules;

namespace Portal.Billing.Endpoints;

/// <summary>
/// Stripe's webhook address, <see cref="StripeOptions.WebhookPath"/>, on the platform's own site: one endpoint
/// for every practice (Stripe's Connect endpoint sends all connected accounts' events to one URL). Anonymous by
/// design: the signature over the raw body is the authentication, and there is no cookie or form to protect.
/// </summary>
public static class StripeWebhookEndpoints
{
    public const string ReceiveName = "StripeWebhook";

    /// <summary>Stripe's events are a few KB; anything far larger is not Stripe.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    public static IEndpointRouteBuilder MapStripeWebhookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(StripeOptions.WebhookPath, ReceiveAsync)
            .WithName(ReceiveName)
            .WithSummary("Receives Stripe's signed events (all practices).")
            .WithMetadata(HostOnlyMetadata.Instance)
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return endpoints;
    }

    public static async Task<Results<Ok, ProblemHttpResult>> ReceiveAsync(HttpContext context, StripeWebhookReceiver receiver, CancellationToken cancellationToken)
    {
        string? body;
        try
        {
            body = await ReadCappedAsync(context.Request, cancellationToken);
        }
        catch (BadHttpRequestException)
        {
            // The sender hung up mid-body (it gave up waiting): nothing to verify, and Stripe will send it again.
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Webhook refused.", detail: "The body ended early.");
        }

        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large.");
        }

        var (receipt, reason) = await receiver.ReceiveAsync(body, context.Request.Headers["Stripe-Signature"].ToString(), cancellationToken);
        return receipt switch
        {
            WebhookReceipt.Rejected => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Webhook refused.", detail: reason),
            WebhookReceipt.Unavailable => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Webhook not processed.", detail: reason),
            _ => TypedResults.Ok(),
        };
    }

    /// <summary>The raw body as text (the signature covers it byte for byte), or null when it is over <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<string?> ReadCappedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
