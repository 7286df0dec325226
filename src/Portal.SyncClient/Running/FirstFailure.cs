using System.Runtime.ExceptionServices;

namespace PortalSync.Running;

/// <summary>
/// The first failure of a run whose uploads go beside its batches. It stops the other side, which then
/// fails with a cancellation nobody needs to see: the person sees the failure that stopped the run, as
/// when everything went one after another.
/// </summary>
internal sealed class FirstFailure(CancellationTokenSource stopping)
{
    private ExceptionDispatchInfo? _first;

    public void Record(Exception exception)
    {
        Interlocked.CompareExchange(ref _first, ExceptionDispatchInfo.Capture(exception), null);
        stopping.Cancel();
    }

    /// <summary>Throws the first failure again, with its own type and stack trace.</summary>
    public void ThrowIfAny() => Volatile.Read(ref _first)?.Throw();
}
