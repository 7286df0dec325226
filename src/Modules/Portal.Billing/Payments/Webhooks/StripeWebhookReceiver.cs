using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Billing.Data;
using Portal.Core.Tenancy;
using Stripe;

namespace Portal.Billing.Payments.Webhooks;

/// <summary>
/// The platform's one webhook receiver: verifies Stripe's signature over the raw body, finds the practice the
/// event belongs to (the object's <see cref="StripeMetadataKeys.Practice"/> metadata, else the connected
/// account's), checks that practice's payout account is the event's account, and stores the event in the
/// practice's database (<see cref="StripeEventInbox"/>). Processing is a job's: Stripe gets its 2xx fast.
/// </summary>
public sealed class StripeWebhookReceiver(
    StripeGateway stripe,
    TenantRegistry registry,
    TenantScopeFactory scopes,
    ConnectedAccountPractices accountPractices,
    TimeProvider clock,
    ILogger<StripeWebhookReceiver> logger)
{
    /// <summary>Stripe's tolerance: a signature older (or newer) than this is refused, so a captured delivery cannot be replayed later.</summary>
    public const long ToleranceSeconds = 300;

    public async Task<(WebhookReceipt Receipt, string Reason)> ReceiveAsync(string payload, string? signature, CancellationToken cancellationToken)
    {
        // The secret in force now: the host admin may have replaced it since start (StripeGateway follows it).
        var secret = stripe.CurrentOptions.WebhookSecret;
        if (string.IsNullOrWhiteSpace(secret))
        {
            logger.LogWarning("A Stripe webhook arrived but no webhook secret is configured ({Section}:WebhookSecret)", StripeOptions.Section);
            return (WebhookReceipt.Unavailable, "Webhooks are not configured.");
        }

        if (string.IsNullOrWhiteSpace(signature))
        {
            logger.LogWarning("Stripe webhook refused: no Stripe-Signature header");
            return (WebhookReceipt.Rejected, "Missing Stripe-Signature header.");
        }

        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(payload, signature, secret, ToleranceSeconds, clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException e)
        {
            // Stripe.net's message names the problem (no matching signature, timestamp outside the tolerance); it never contains the secret.
            logger.LogWarning("Stripe webhook refused: {Reason}", e.Message);
            return (WebhookReceipt.Rejected, e.Message.Contains("tolerance", StringComparison.OrdinalIgnoreCase) ? "Timestamp outside the tolerance." : "Signature does not match.");
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or ArgumentException or FormatException)
        {
            logger.LogWarning("Stripe webhook refused: a signed body that is not an event ({Error})", e.GetType().Name);
            return (WebhookReceipt.Rejected, "Not a Stripe event.");
        }

        if (string.IsNullOrEmpty(stripeEvent.Id) || string.IsNullOrEmpty(stripeEvent.Type))
        {
            return (WebhookReceipt.Rejected, "Not a Stripe event.");
        }

        if (string.IsNullOrEmpty(stripeEvent.Account))
        {
            logger.LogInformation("Stripe platform event {EventId} ({Type}) ignored: the portal acts on connected accounts' events only", stripeEvent.Id, stripeEvent.Type);
            return (WebhookReceipt.Ignored, "");
        }

        Guid? practiceId;
        try
        {
            practiceId = PracticeInMetadata(payload) ?? await accountPractices.FindAsync(stripeEvent.Account, cancellationToken);
        }
        catch (Exception e) when (e is StripeException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Stripe webhook {EventId}: the account {Account} could not be read from Stripe ({Error}); Stripe will deliver it again", stripeEvent.Id, stripeEvent.Account, e.GetType().Name);
            return (WebhookReceipt.Unavailable, "Try again later.");
        }

        var practice = practiceId is { } id ? registry.Current.ByName.Values.FirstOrDefault(t => t.Id == id) : null;
        if (practice is null || practice.State != TenantState.Running || !practice.IsFeatureEnabled(Manifest.Feature))
        {
            logger.LogWarning("Stripe event {EventId} ({Type}) on {Account} is for no practice here (practice {PracticeId}); answered 2xx", stripeEvent.Id, stripeEvent.Type, stripeEvent.Account, practiceId);
            return (WebhookReceipt.Ignored, "");
        }

        await using var scope = scopes.CreateScope(practice);
        var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
        if (!await db.PayoutAccounts.AsNoTracking().AnyAsync(a => a.StripeAccountId == stripeEvent.Account, cancellationToken))
        {
            logger.LogWarning("Stripe event {EventId} ({Type}) names practice {Practice}, whose payout account is not {Account}; answered 2xx", stripeEvent.Id, stripeEvent.Type, practice.Name, stripeEvent.Account);
            return (WebhookReceipt.Ignored, "");
        }

        var stored = await scope.ServiceProvider.GetRequiredService<StripeEventInbox>().AcceptAsync(stripeEvent, stripeEvent.Account, payload, cancellationToken);
        return stored ? (WebhookReceipt.Stored, "") : (WebhookReceipt.Duplicate, "");
    }

    /// <summary>data.object.metadata's practice id, read from the raw JSON (whatever the object's type).</summary>
    private static Guid? PracticeInMetadata(string payload)
    {
        using var json = JsonDocument.Parse(payload);
        return json.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("object", out var obj) && obj.ValueKind == JsonValueKind.Object
            && obj.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty(StripeMetadataKeys.Practice, out var value) && value.ValueKind == JsonValueKind.String
            && Guid.TryParse(value.GetString(), out var id)
                ? id
                : null;
    }
}
