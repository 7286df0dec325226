using System.Net;
using System.Net.Sockets;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A TCP relay in front of the test clamd, so a test can break the network between the portal and
/// the real scanner: cut each connection after some bytes (the scanner going away mid-file), or
/// hold clamd's answers back (a scan in progress) until released.
/// </summary>
public sealed class ClamdRelay : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private long? _cutAfter;
    private TaskCompletionSource _answers = Released();
    private int _connections;
    private int _cut;

    public ClamdRelay()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Connections this relay broke so far.</summary>
    public int CutConnections => Volatile.Read(ref _cut);

    /// <summary>From now on, every connection is reset once this many bytes went towards clamd.</summary>
    public void CutAfter(long bytes)
    {
        lock (_lock)
        {
            _cutAfter = bytes;
        }
    }

    /// <summary>clamd's answers wait until <see cref="Restore"/>.</summary>
    public void HoldAnswers()
    {
        lock (_lock)
        {
            _answers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Back to passing everything through, answers held so far included.</summary>
    public void Restore()
    {
        lock (_lock)
        {
            _cutAfter = null;
            _answers.TrySetResult();
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
        Restore();
        _stopping.Dispose();
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket portal;
            try
            {
                portal = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = RelayAsync(portal);
        }
    }

    private async Task RelayAsync(Socket portal)
    {
        long? cutAfter;
        Task answers;
        lock (_lock)
        {
            cutAfter = _cutAfter;
            answers = _answers.Task;
        }

        using var clamd = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await clamd.ConnectAsync(IPAddress.Loopback, TestEnvironment.ClamdPort, _stopping.Token);
            var towardsClamd = PumpAsync(portal, clamd, cutAfter, Task.CompletedTask);
            var towardsPortal = PumpAsync(clamd, portal, null, answers);
            if (await Task.WhenAny(towardsClamd, towardsPortal) == towardsClamd && await towardsClamd)
            {
                Interlocked.Increment(ref _cut);
                Reset(portal);
                Reset(clamd);
                return;
            }

            await Task.WhenAll(towardsClamd, towardsPortal);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // One side went away; the other is closed below.
        }
        finally
        {
            portal.Dispose();
        }
    }

    /// <summary>Copies one direction until it ends; true when it stopped because of the cut.</summary>
    private async Task<bool> PumpAsync(Socket from, Socket to, long? cutAfter, Task gate)
    {
        var buffer = new byte[16 * 1024];
        long sent = 0;
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, _stopping.Token);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return false;
                }

                if (cutAfter is { } limit && sent + read >= limit)
                {
                    await to.SendAsync(buffer.AsMemory(0, (int)(limit - sent)), _stopping.Token);
                    return true;
                }

                await gate.WaitAsync(_stopping.Token);
                await to.SendAsync(buffer.AsMemory(0, read), _stopping.Token);
                sent += read;
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            return false;
        }
    }

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }
    }
}
