using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.Tests.Billing;

/// <summary>
/// A real HTTP address for the emulator's webhooks that hands each delivery, byte for byte with its
/// Stripe-Signature, to an in-process portal (which has no socket of its own) and answers what the portal answered.
/// </summary>
public sealed class WebhookRelay : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookRelay(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<WebhookRelay> StartAsync(HttpClient portal, string path)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapPost(path, async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            using var forward = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/')) { Content = new ByteArrayContent(body.ToArray()) };
            forward.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            forward.Headers.TryAddWithoutValidation("Stripe-Signature", context.Request.Headers["Stripe-Signature"].ToString());
            using var answer = await portal.SendAsync(forward);
            return Results.StatusCode((int)answer.StatusCode);
        });
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return new WebhookRelay(app, new Uri($"http://127.0.0.1:{port}{path}"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
