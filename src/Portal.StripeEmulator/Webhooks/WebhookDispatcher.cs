using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Portal.StripeEmulator.Hosting;
using Portal.StripeEmulator.State;

namespace Portal.StripeEmulator.Webhooks;

/// <summary>
/// Sends events to their endpoints one at a time, in the order queued; a non-2xx answer or a timeout is
/// retried with exponential backoff (bounded) until <see cref="StripeEmulatorOptions.WebhookMaxAttempts"/>.
/// While paused, deliveries are held; resuming sends them (optionally newest first, to test ordering).
/// </summary>
internal sealed class WebhookDispatcher : BackgroundService
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly Channel<WebhookDelivery> _queue = Channel.CreateUnbounded<WebhookDelivery>();
    private readonly List<WebhookDelivery> _held = [];
    private readonly Lock _gate = new();
    private readonly StripeEmulatorOptions _options;
    private readonly EmulatorStore _store;
    private readonly DeliveryLog _log;
    private readonly TimeProvider _clock;
    private readonly HttpClient _http;
    private readonly ILogger<WebhookDispatcher> _logger;
    private bool _paused;

    public WebhookDispatcher(StripeEmulatorOptions options, EmulatorStore store, DeliveryLog log, TimeProvider clock, ILogger<WebhookDispatcher> logger)
    {
        _options = options;
        _store = store;
        _log = log;
        _clock = clock;
        _logger = logger;
        _http = options.WebhookHandler is { } handler
            ? new HttpClient(handler, disposeHandler: false) { Timeout = options.WebhookTimeout }
            : new HttpClient { Timeout = options.WebhookTimeout };
    }

    /// <summary>
    /// Queues a delivery, or holds it at once while paused: held only when the sender reached it, an
    /// event made while paused could still be in the queue when a test drops what is held, and be
    /// sent after the resume (a loaded machine's sender lags).
    /// </summary>
    public void Enqueue(WebhookDelivery delivery)
    {
        if (!Hold(delivery))
        {
            _queue.Writer.TryWrite(delivery);
        }
    }

    public void Pause()
    {
        lock (_gate)
        {
            _paused = true;
        }
    }

    /// <summary>Sends what was held while paused, oldest first, or newest first to deliver out of order.</summary>
    public void Resume(bool newestFirst)
    {
        List<WebhookDelivery> held;
        lock (_gate)
        {
            _paused = false;
            held = [.. _held];
            _held.Clear();
        }

        if (newestFirst)
        {
            held.Reverse();
        }

        foreach (var delivery in held)
        {
            _queue.Writer.TryWrite(delivery);
        }
    }

    /// <summary>Drops what was held (events that never reach the portal: reconciliation must find them).</summary>
    public int DropHeld()
    {
        lock (_gate)
        {
            var count = _held.Count;
            _held.Clear();
            return count;
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                if (Hold(delivery))
                {
                    continue;
                }

                await SendAsync(delivery, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The emulator is stopping: undelivered events are forgotten with the rest of its memory.
        }
    }

    private bool Hold(WebhookDelivery delivery)
    {
        lock (_gate)
        {
            if (_paused)
            {
                _held.Add(delivery);
            }

            return _paused;
        }
    }

    private async Task SendAsync(WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        string body;
        lock (_store.Gate)
        {
            body = delivery.Event.ToJson().ToJsonString(Indented);
        }

        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Endpoint.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", WebhookSignature.Header(timestamp, body, delivery.Endpoint.Secrets));
        request.Headers.TryAddWithoutValidation("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");

        int? status = null;
        string? error = null;
        try
        {
            using var response = await _http.SendAsync(request, stoppingToken);
            status = (int)response.StatusCode;
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
        {
            error = failure is TaskCanceledException ? "timed out" : failure.Message;
        }

        var succeeded = status is >= 200 and < 300;
        _log.Add(new DeliveryAttempt(delivery.Event.Id, delivery.Event.Type, delivery.Event.Account, delivery.Endpoint.Url, delivery.Attempt, status, error, succeeded, _clock.GetUtcNow()));
        if (succeeded)
        {
            lock (_store.Gate)
            {
                delivery.Event.PendingEndpoints.Remove(delivery.Endpoint.Url.ToString());
            }

            return;
        }

        if (delivery.Attempt >= _options.WebhookMaxAttempts)
        {
            _logger.LogWarning("Gave up sending {EventId} to {Url} after {Attempts} attempts", delivery.Event.Id, delivery.Endpoint.Url, delivery.Attempt);
            return;
        }

        _ = RetryLaterAsync(delivery with { Attempt = delivery.Attempt + 1 }, stoppingToken);
    }

    private async Task RetryLaterAsync(WebhookDelivery next, CancellationToken stoppingToken)
    {
        var wait = _options.WebhookFirstRetryDelay * Math.Pow(2, next.Attempt - 2);
        try
        {
            await Task.Delay(wait < _options.WebhookMaxRetryDelay ? wait : _options.WebhookMaxRetryDelay, stoppingToken);
            Enqueue(next);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
