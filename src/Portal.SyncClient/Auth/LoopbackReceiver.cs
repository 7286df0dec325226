using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PortalSync.Auth;

/// <summary>
/// The one-request web server of RFC 8252: listens on 127.0.0.1 at a port the system picks, waits for
/// the browser to come back to /callback, and sends the tab on (303) to the portal's "finished" page.
/// Anything else (a favicon, another path) gets a 404 and the wait goes on.
/// </summary>
internal sealed class LoopbackReceiver : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public LoopbackReceiver()
    {
        _listener.Start();
        RedirectUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/callback");
    }

    public Uri RedirectUri { get; }

    public async Task<IReadOnlyDictionary<string, string>> WaitAsync(Uri sendBrowserTo, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<IReadOnlyDictionary<string, string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Connections are answered side by side: a browser may open a spare connection and send its
        // request on another, and a silent one must not hold up the real answer.
        var accepting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = AnswerAsync(client, sendBrowserTo, answer, stop.Token);
            }
        }, CancellationToken.None);
        try
        {
            return await answer.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await accepting;
        }
    }

    public void Dispose() => _listener.Dispose();

    private static async Task AnswerAsync(TcpClient client, Uri sendBrowserTo, TaskCompletionSource<IReadOnlyDictionary<string, string>> answer, CancellationToken cancellationToken)
    {
        using (client)
        {
            try
            {
                await using var stream = client.GetStream();
                var target = await ReadRequestTargetAsync(stream, cancellationToken);
                if (target is null || !target.StartsWith("/callback?", StringComparison.Ordinal))
                {
                    await WriteAsync(stream, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", cancellationToken);
                    return;
                }

                await WriteAsync(stream, $"HTTP/1.1 303 See Other\r\nLocation: {sendBrowserTo.AbsoluteUri}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", cancellationToken);
                answer.TrySetResult(Query(target[(target.IndexOf('?', StringComparison.Ordinal) + 1)..]));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // A connection that went away or said nothing: the wait goes on.
            }
        }
    }

    private static async Task<string?> ReadRequestTargetAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        var read = 0;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (read < buffer.Length)
        {
            var count = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token);
            if (count == 0)
            {
                break;
            }

            read += count;
            if (Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                break;
            }
        }

        var requestLine = Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n", 2)[0].Split(' ');
        return requestLine.Length == 3 && requestLine[0] == "GET" ? requestLine[1] : null;
    }

    private static Task WriteAsync(NetworkStream stream, string response, CancellationToken cancellationToken)
        => stream.WriteAsync(Encoding.ASCII.GetBytes(response), cancellationToken).AsTask();

    private static Dictionary<string, string> Query(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            values[Uri.UnescapeDataString(parts[0].Replace('+', ' '))] = parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "";
        }

        return values;
    }
}
