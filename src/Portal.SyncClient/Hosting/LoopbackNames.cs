using System.Net;
using System.Net.Sockets;

namespace PortalSync.Hosting;

/// <summary>
/// Connects as browsers do: a name under "localhost" (a practice's address on a developer's machine,
/// demo.localhost) is this computer (RFC 6761, section 6.3), which the system's resolver often does not
/// know; every other name is resolved as usual.
/// </summary>
internal static class LoopbackNames
{
    public static bool IsLoopbackName(string host)
        => host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase) || host.Equals("localhost", StringComparison.OrdinalIgnoreCase);

    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            var endpoint = context.DnsEndPoint;
            if (IsLoopbackName(endpoint.Host))
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, endpoint.Port), cancellationToken);
            }
            else
            {
                await socket.ConnectAsync(endpoint, cancellationToken);
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
