using System.Net.Http.Headers;
using Portal.StripeEmulator.Hosting;
using Portal.Tests.Infrastructure;
using Stripe;

namespace Portal.Tests.StripeEmulator;

/// <summary>A running emulator with a webhook receiver behind a platform and a Connect endpoint, and Stripe.net clients for it.</summary>
public sealed class EmulatorHarness : IAsyncDisposable
{
    public const string SecretKey = "sk_test_portal_platform_0001";
    public const string PlatformSecret = "whsec_platform_secret_0001";
    public const string ConnectSecret = "whsec_connect_secret_0001";
    public const string ConnectRolledSecret = "whsec_connect_secret_0002";

    private readonly List<HttpClient> _clients = [];

    private EmulatorHarness(StripeEmulatorServer server, WebhookReceiver platform, WebhookReceiver connect, TestClock clock)
    {
        Server = server;
        PlatformHooks = platform;
        ConnectHooks = connect;
        Clock = clock;
    }

    public StripeEmulatorServer Server { get; }

    /// <summary>Receives the platform's own events (signed with <see cref="PlatformSecret"/>).</summary>
    public WebhookReceiver PlatformHooks { get; }

    /// <summary>Receives connected accounts' events (signed with both Connect secrets: a rollover in progress).</summary>
    public WebhookReceiver ConnectHooks { get; }

    public TestClock Clock { get; }

    public static async Task<EmulatorHarness> StartAsync(int webhookMaxAttempts = 5)
    {
        var platform = await WebhookReceiver.StartAsync();
        var connect = await WebhookReceiver.StartAsync();
        var clock = new TestClock();
        var server = await StripeEmulatorServer.StartAsync(new StripeEmulatorOptions
        {
            SecretKeys = [SecretKey],
            TimeProvider = clock,
            WebhookFirstRetryDelay = TimeSpan.FromMilliseconds(50),
            WebhookMaxRetryDelay = TimeSpan.FromMilliseconds(200),
            WebhookMaxAttempts = webhookMaxAttempts,
            WebhookTimeout = TimeSpan.FromSeconds(5),
            WebhookEndpoints =
            [
                new StripeEmulatorWebhookEndpoint { Url = platform.Url, Secrets = [PlatformSecret] },
                new StripeEmulatorWebhookEndpoint { Url = connect.Url, Secrets = [ConnectSecret, ConnectRolledSecret], Connect = true },
            ],
        });
        return new EmulatorHarness(server, platform, connect, clock);
    }

    /// <summary>A Stripe.net client as the portal builds one; no retries unless asked, so faults surface.</summary>
    public StripeClient Stripe(int maxNetworkRetries = 0, TimeSpan? timeout = null, string apiKey = SecretKey)
    {
        var http = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        _clients.Add(http);
        return new StripeClient(new StripeClientOptions
        {
            ApiKey = apiKey,
            ApiBase = Server.ApiBase,
            HttpClient = new SystemNetHttpClient(http, maxNetworkRetries, null, false),
        });
    }

    /// <summary>A raw client for requests Stripe.net cannot make (wrong auth, JSON bodies, removed parameters).</summary>
    public HttpClient Raw(bool authenticated = true, bool followRedirects = false)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = followRedirects }) { BaseAddress = Server.BaseUrl };
        if (authenticated)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SecretKey);
        }

        _clients.Add(http);
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Server.DisposeAsync();
        await PlatformHooks.DisposeAsync();
        await ConnectHooks.DisposeAsync();
    }
}
