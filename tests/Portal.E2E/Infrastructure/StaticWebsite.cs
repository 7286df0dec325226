using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// A practice's own website, as far as the login widget cares: one static HTML page served on a port
/// of its own (so on another origin than the portal), by the runtime's HttpListener. The same page is
/// reachable as http://127.0.0.1:{port} and http://localhost:{port}, two different origins.
/// </summary>
public sealed class StaticWebsite : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly byte[] _page;

    private StaticWebsite(int port, string html)
    {
        Port = port;
        _page = Encoding.UTF8.GetBytes(html);
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add($"http://localhost:{port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Origin => $"http://127.0.0.1:{Port}";

    /// <summary>The same page on an origin that differs from <see cref="Origin"/> (another host name).</summary>
    public string OtherOrigin => $"http://localhost:{Port}";

    /// <summary>Serves <paramref name="body"/> inside a plain page on a free port.</summary>
    public static StaticWebsite Start(string body)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new StaticWebsite(port, $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Maple &amp; Finch, chartered accountants</title></head>
            <body>
            <h1>Welcome to Maple &amp; Finch</h1>
            {body}
            </body>
            </html>
            """);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var response = context.Response;
            response.ContentType = "text/html; charset=utf-8";
            response.ContentLength64 = _page.Length;
            await response.OutputStream.WriteAsync(_page);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
