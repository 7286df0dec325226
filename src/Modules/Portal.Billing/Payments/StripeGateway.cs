using Microsoft.Extensions.Options;
using Stripe;

namespace Portal.Billing.Payments;

/// <summary>
/// The one place that builds Stripe.net's client from <see cref="StripeOptions"/>. Every POST goes out with
/// an Idempotency-Key the caller derives from what it does (<see cref="StripeIdempotencyKeys"/>), so
/// Stripe.net's own retries and a person's repeated click reuse it instead of doing the thing twice.
/// </summary>
public sealed class StripeGateway : IDisposable
{
    private readonly StripeOptions _options;
    private readonly Lazy<(HttpClient Http, StripeClient Client)> _client;

    public StripeGateway(IOptions<StripeOptions> options)
    {
        _options = options.Value;
        _client = new Lazy<(HttpClient, StripeClient)>(Build);
    }

    /// <summary>False without a secret key: payments are unavailable and pages say so.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(_options.SecretKey);

    /// <summary>Test mode: a test key, or the built-in emulator; pages show "Test mode".</summary>
    public bool TestMode => _options.Emulator.Enabled || (_options.SecretKey?.StartsWith("sk_test_", StringComparison.Ordinal) ?? false);

    public string ConnectCountry => _options.ConnectCountry;

    /// <summary>Talking to the built-in emulator on this machine (test keys on a loopback address), never to Stripe.</summary>
    public bool OnEmulator => _options.SecretKey?.StartsWith("sk_test_", StringComparison.Ordinal) == true
        && Uri.TryCreate(_options.ApiBase, UriKind.Absolute, out var api) && api.IsLoopback;

    /// <summary>Stripe.net's client; only when <see cref="IsConfigured"/>.</summary>
    public StripeClient Client => IsConfigured ? _client.Value.Client : throw new InvalidOperationException("Stripe is not configured (Portal:Payments:Stripe:SecretKey).");

    /// <summary>Options for a POST: the idempotency key, and the practice's connected account when the call is made on it.</summary>
    public static RequestOptions Post(string idempotencyKey, string? connectedAccount = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        return new RequestOptions { IdempotencyKey = idempotencyKey, StripeAccount = connectedAccount };
    }

    /// <summary>Options for a read on a practice's connected account (Stripe-Account header).</summary>
    public static RequestOptions On(string connectedAccount) => new() { StripeAccount = connectedAccount };

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Http.Dispose();
        }
    }

    private (HttpClient, StripeClient) Build()
    {
        var http = new HttpClient { Timeout = _options.Timeout };
        var options = new StripeClientOptions
        {
            ApiKey = _options.SecretKey,
            HttpClient = new SystemNetHttpClient(http, _options.MaxNetworkRetries, null, false),
        };
        if (!string.IsNullOrWhiteSpace(_options.ApiBase))
        {
            options.ApiBase = _options.ApiBase.TrimEnd('/');
        }

        return (http, new StripeClient(options));
    }
}
