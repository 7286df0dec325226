using Portal.StripeEmulator.Hosting;
using Portal.StripeEmulator.State;

namespace Portal.StripeEmulator.Webhooks;

/// <summary>One event to send to one endpoint, and which attempt this is.</summary>
internal sealed record WebhookDelivery(EventRecord Event, StripeEmulatorWebhookEndpoint Endpoint, int Attempt);
