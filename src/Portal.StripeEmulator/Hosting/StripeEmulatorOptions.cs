namespace Portal.StripeEmulator.Hosting;

/// <summary>How a <see cref="StripeEmulatorServer"/> starts: who may call it, where it sends webhooks, its clock.</summary>
public sealed class StripeEmulatorOptions
{
    /// <summary>The secret keys (sk_test_...) the emulator accepts; all of them belong to one platform account.</summary>
    public IList<string> SecretKeys { get; init; } = [];

    /// <summary>Where events go. An endpoint with <see cref="StripeEmulatorWebhookEndpoint.Connect"/> receives connected accounts' events.</summary>
    public IList<StripeEmulatorWebhookEndpoint> WebhookEndpoints { get; init; } = [];

    /// <summary>The emulator's clock (link and session expiry, idempotency keys, event times); the control API can move it forward.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The port on 127.0.0.1; 0 takes a free one.</summary>
    public int Port { get; init; }

    /// <summary>The host's environment; the emulator refuses to start in Production.</summary>
    public string EnvironmentName { get; init; } = "Development";

    /// <summary>The wait before the first webhook retry; each next retry waits twice as long, up to <see cref="WebhookMaxRetryDelay"/>.</summary>
    public TimeSpan WebhookFirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan WebhookMaxRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts per event and endpoint before the emulator gives up (the event stays delivery_success=false).</summary>
    public int WebhookMaxAttempts { get; init; } = 8;

    /// <summary>How long one webhook attempt may take before it counts as failed.</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Sends webhooks through this handler instead of the network (an in-memory test server).</summary>
    public HttpMessageHandler? WebhookHandler { get; init; }
}
