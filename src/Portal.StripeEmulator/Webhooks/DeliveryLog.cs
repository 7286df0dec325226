using System.Collections.Concurrent;

namespace Portal.StripeEmulator.Webhooks;

/// <summary>Every webhook attempt, in the order made.</summary>
internal sealed class DeliveryLog
{
    private readonly ConcurrentQueue<DeliveryAttempt> _attempts = new();

    public void Add(DeliveryAttempt attempt) => _attempts.Enqueue(attempt);

    public IReadOnlyList<DeliveryAttempt> All() => [.. _attempts];
}
