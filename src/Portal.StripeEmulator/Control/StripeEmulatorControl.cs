using Portal.StripeEmulator.Webhooks;
using Portal.StripeEmulator.Wire;

namespace Portal.StripeEmulator.Control;

/// <summary>A client for the emulator's control API (/_emulator), for tests and the demo.</summary>
public sealed class StripeEmulatorControl
{
    private readonly HttpClient _http;

    /// <param name="http">A client whose BaseAddress is the emulator's base URL.</param>
    public StripeEmulatorControl(HttpClient http) => _http = http;

    /// <summary>The next <paramref name="count"/> API requests answer with <paramref name="status"/> (429, 500, 503).</summary>
    public Task FailNextAsync(int count, int status, CancellationToken cancellationToken = default)
        => PostAsync("faults", new FaultRequest(count, Status: status), cancellationToken);

    /// <summary>The next <paramref name="count"/> API requests wait <paramref name="delay"/> before running (to outlast a client's timeout).</summary>
    public Task DelayNextAsync(int count, TimeSpan delay, CancellationToken cancellationToken = default)
        => PostAsync("faults", new FaultRequest(count, DelayMilliseconds: (int)delay.TotalMilliseconds), cancellationToken);

    /// <summary>How many API requests the queued faults will still apply to: 0 once every fault was taken by a request.</summary>
    public async Task<int> PendingFaultsAsync(CancellationToken cancellationToken = default)
        => (await _http.GetFromJsonAsync<PendingFaults>($"{ControlEndpoints.Prefix}/faults/pending", cancellationToken))?.Count ?? 0;

    public async Task ClearFaultsAsync(CancellationToken cancellationToken = default)
        => (await _http.DeleteAsync($"{ControlEndpoints.Prefix}/faults", cancellationToken)).EnsureSuccessStatusCode();

    public Task PauseWebhooksAsync(CancellationToken cancellationToken = default) => PostAsync("webhooks/pause", null, cancellationToken);

    /// <summary>Sends what was held while paused; <paramref name="newestFirst"/> delivers it out of order.</summary>
    public Task ResumeWebhooksAsync(bool newestFirst = false, CancellationToken cancellationToken = default)
        => PostAsync($"webhooks/resume?newestFirst={(newestFirst ? "true" : "false")}", null, cancellationToken);

    /// <summary>Forgets the deliveries held while paused: those events stay delivery_success=false for reconciliation to find.</summary>
    public Task DropHeldWebhooksAsync(CancellationToken cancellationToken = default) => PostAsync("webhooks/drop-held", null, cancellationToken);

    public async Task<IReadOnlyList<DeliveryAttempt>> DeliveriesAsync(CancellationToken cancellationToken = default)
        => await _http.GetFromJsonAsync<List<DeliveryAttempt>>($"{ControlEndpoints.Prefix}/webhooks/deliveries", cancellationToken) ?? [];

    /// <summary>The API requests received lately (bodies included), oldest first.</summary>
    public async Task<IReadOnlyList<ApiRequestRecord>> RequestsAsync(CancellationToken cancellationToken = default)
        => await _http.GetFromJsonAsync<List<ApiRequestRecord>>($"{ControlEndpoints.Prefix}/requests", cancellationToken) ?? [];

    public Task AddWebhookEndpointAsync(Uri url, IReadOnlyList<string> secrets, bool connect, CancellationToken cancellationToken = default)
        => PostAsync("webhooks/endpoints", new WebhookEndpointRequest(url, secrets, connect), cancellationToken);

    /// <summary>Delivers an event again (a duplicate).</summary>
    public Task ResendEventAsync(string eventId, CancellationToken cancellationToken = default)
        => PostAsync($"events/{Uri.EscapeDataString(eventId)}/resend", null, cancellationToken);

    /// <summary>Settles a session paid with the delayed method: async_payment_succeeded or _failed.</summary>
    public Task SettleAsyncPaymentAsync(string checkoutSessionId, bool succeeded, CancellationToken cancellationToken = default)
        => PostAsync($"checkout/sessions/{Uri.EscapeDataString(checkoutSessionId)}/async-payment", new AsyncPaymentRequest(succeeded), cancellationToken);

    public Task SetRequirementsAsync(string accountId, IReadOnlyList<string> currentlyDue, bool? chargesEnabled = null, bool? payoutsEnabled = null, CancellationToken cancellationToken = default)
        => PostAsync($"accounts/{Uri.EscapeDataString(accountId)}/requirements", new RequirementsRequest(currentlyDue, chargesEnabled, payoutsEnabled), cancellationToken);

    public Task AdvanceClockAsync(TimeSpan by, CancellationToken cancellationToken = default)
        => PostAsync("clock/advance", new ClockAdvanceRequest((int)by.TotalSeconds), cancellationToken);

    private async Task PostAsync(string path, object? body, CancellationToken cancellationToken)
    {
        using var response = body is null
            ? await _http.PostAsync($"{ControlEndpoints.Prefix}/{path}", null, cancellationToken)
            : await _http.PostAsJsonAsync($"{ControlEndpoints.Prefix}/{path}", body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The Stripe emulator's control API answered {(int)response.StatusCode} to {path}: {await response.Content.ReadAsStringAsync(cancellationToken)}", null, response.StatusCode);
        }
    }
}
