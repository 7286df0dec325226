using System.Collections.Concurrent;

namespace Portal.StripeEmulator.Wire;

/// <summary>
/// The last API requests as the emulator received them (form body included), so a test can prove what the
/// portal did or did not send to Stripe. Bounded: the oldest go first.
/// </summary>
internal sealed class ApiRequestLog
{
    private const int Capacity = 5_000;

    private readonly ConcurrentQueue<ApiRequestRecord> _requests = new();

    public void Add(ApiRequestRecord request)
    {
        _requests.Enqueue(request);
        while (_requests.Count > Capacity && _requests.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<ApiRequestRecord> All() => [.. _requests];
}
