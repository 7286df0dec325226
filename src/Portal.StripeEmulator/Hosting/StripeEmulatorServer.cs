using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Portal.StripeEmulator.Control;

namespace Portal.StripeEmulator.Hosting;

/// <summary>
/// The Stripe emulator, running in-process on 127.0.0.1. Point Stripe.net at it with
/// <c>new StripeClientOptions { ApiKey = "sk_test_...", ApiBase = server.ApiBase }</c>. Everything it
/// holds is in memory: stopping it forgets accounts, payments and events.
/// </summary>
public sealed class StripeEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _controlHttp;

    private StripeEmulatorServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        _controlHttp = new HttpClient { BaseAddress = baseUrl };
        Control = new StripeEmulatorControl(_controlHttp);
    }

    /// <summary>The emulator's address, with a trailing slash (http://127.0.0.1:port/).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The value for <c>StripeClientOptions.ApiBase</c> (no trailing slash).</summary>
    public string ApiBase => BaseUrl.ToString().TrimEnd('/');

    /// <summary>The emulator's test controls (faults, webhooks, clock, delayed payments).</summary>
    public StripeEmulatorControl Control { get; }

    /// <summary>Starts the emulator; refuses to in Production, where the portal must talk to Stripe itself.</summary>
    public static async Task<StripeEmulatorServer> StartAsync(StripeEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        StripeEmulatorGuard.Check(options);
        var app = StripeEmulatorApp.Build(options);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new StripeEmulatorServer(app, new Uri($"http://{IPAddress.Loopback}:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        _controlHttp.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
