using System.Buffers;
using System.Security.Cryptography;

namespace Portal.Documents.Services;

/// <summary>
/// Copies with two buffers so that reading the next batch (decrypting and hashing a file) runs while
/// the previous one is being written (sent to the client): on a machine with two cores the download
/// then costs about the larger of the two, not their sum. The buffers held plaintext, so they are
/// wiped before they go back to the pool.
/// </summary>
internal static class OverlappedCopy
{
    public static async Task CopyAsync(Stream source, Stream destination, int bufferSize, CancellationToken cancellationToken)
    {
        byte[][] buffers = [ArrayPool<byte>.Shared.Rent(bufferSize), ArrayPool<byte>.Shared.Rent(bufferSize)];
        var writing = Task.CompletedTask;
        try
        {
            for (var next = 0; ; next ^= 1)
            {
                var read = await source.ReadAsync(buffers[next].AsMemory(0, bufferSize), cancellationToken);
                await writing;
                if (read == 0)
                {
                    return;
                }

                writing = destination.WriteAsync(buffers[next].AsMemory(0, read), cancellationToken).AsTask();
            }
        }
        finally
        {
            // A failed read must not hand a buffer back to the pool while a write still reads from it.
            await writing.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            foreach (var buffer in buffers)
            {
                CryptographicOperations.ZeroMemory(buffer);
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
