using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace Portal.Core.Scanning;

/// <summary>
/// clamd's INSTREAM command over TCP: <c>zINSTREAM\0</c>, the file as chunks each prefixed with its
/// length (4 bytes, big-endian), a zero length to end, then one answer ending in <c>\0</c>:
/// <c>stream: OK</c>, <c>stream: {signature} FOUND</c> or <c>... ERROR</c> (for instance
/// <c>INSTREAM size limit exceeded. ERROR</c>, after which clamd closes the connection). One chunk is
/// in memory at a time. A file is clean only when all of it was sent and clamd answered
/// <c>stream: OK</c>; every other ending is "unavailable", never clean.
/// </summary>
public sealed class ClamdScanner(IOptions<ScanningOptions> options) : IMalwareScanner
{
    public const int ChunkSize = 64 * 1024;

    private const int MaxAnswerLength = 4096;

    private static readonly byte[] InStream = "zINSTREAM\0"u8.ToArray();

    public async Task<ScanResult> ScanAsync(Stream content, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var where = $"clamd at {settings.Host}:{settings.Port}";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        using var client = new TcpClient { NoDelay = true };
        var buffer = ArrayPool<byte>.Shared.Rent(4 + ChunkSize);
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, timeout.Token);
            var connection = client.GetStream();
            if (!await TrySendAsync(connection, InStream, timeout.Token))
            {
                return Cut(where, await ReadAnswerAsync(connection, timeout.Token));
            }

            while (true)
            {
                // Errors reading the file propagate (a damaged file is not the scanner's failure); socket
                // errors are caught where they happen.
                var read = await content.ReadAsync(buffer.AsMemory(4, ChunkSize), cancellationToken);
                BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)read);
                if (!await TrySendAsync(connection, buffer.AsMemory(0, 4 + read), timeout.Token))
                {
                    // clamd stops reading when a limit is reached and says why before closing.
                    return Cut(where, await ReadAnswerAsync(connection, timeout.Token));
                }

                if (read == 0)
                {
                    break;
                }
            }

            return Verdict(where, await ReadAnswerAsync(connection, timeout.Token));
        }
        catch (SocketException ex)
        {
            return new ScanResult.Unavailable($"{where}: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ScanResult.Unavailable($"{where}: no answer within {settings.Timeout} (Portal:Scanning:Timeout).");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Interprets clamd's answer to a stream sent whole.</summary>
    internal static ScanResult Verdict(string where, string? answer)
    {
        const string prefix = "stream: ";
        const string found = " FOUND";
        if (answer == prefix + "OK")
        {
            return new ScanResult.Clean();
        }

        if (answer is not null && answer.StartsWith(prefix, StringComparison.Ordinal) && answer.EndsWith(found, StringComparison.Ordinal))
        {
            // With ExtendedDetectionInfo clamd adds "(hash:size)" after the name; the name is what people look up.
            var signature = answer[prefix.Length..^found.Length];
            var extra = signature.IndexOf('(', StringComparison.Ordinal);
            signature = (extra > 0 ? signature[..extra] : signature).Trim();
            return new ScanResult.Infected(signature.Length > 0 ? signature : "(unnamed)");
        }

        return answer is null
            ? new ScanResult.Unavailable($"{where} closed the connection without an answer.")
            : new ScanResult.Unavailable($"{where} answered \"{answer}\".");
    }

    /// <summary>The connection broke while sending: malware found so far still counts, nothing else does.</summary>
    private static ScanResult Cut(string where, string? answer)
        => Verdict(where, answer) is ScanResult.Infected infected
            ? infected
            : new ScanResult.Unavailable(answer is null ? $"{where} closed the connection before the file was sent." : $"{where} stopped the stream: \"{answer}\".");

    private static async Task<bool> TrySendAsync(NetworkStream connection, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        try
        {
            await connection.WriteAsync(data, cancellationToken);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The text up to the terminating \0; null when the connection ends (or breaks) before one.</summary>
    private static async Task<string?> ReadAnswerAsync(NetworkStream connection, CancellationToken cancellationToken)
    {
        var answer = new byte[MaxAnswerLength];
        var length = 0;
        try
        {
            while (length < answer.Length)
            {
                var read = await connection.ReadAsync(answer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    return null;
                }

                var end = Array.IndexOf(answer, (byte)0, length, read);
                if (end >= 0)
                {
                    return Encoding.UTF8.GetString(answer, 0, end).Trim();
                }

                length += read;
            }
        }
        catch (IOException)
        {
            return null;
        }

        return null;
    }
}
