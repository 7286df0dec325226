namespace Portal.StripeEmulator.Wire;

/// <summary>Idempotency keys per secret key and account, kept 24 hours on the emulator's clock.</summary>
internal sealed class IdempotencyStore(TimeProvider clock)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private readonly Dictionary<string, IdempotencyEntry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Claims a key for a request, or returns the entry already under it (in flight or done).</summary>
    public (IdempotencyEntry Entry, bool Claimed) Claim(string scope, string fingerprint)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(scope, out var existing) && now - existing.Created < Retention)
            {
                return (existing, false);
            }

            var entry = new IdempotencyEntry(fingerprint, now);
            _entries[scope] = entry;
            return (entry, true);
        }
    }

    public void Complete(IdempotencyEntry entry, int status, string? contentType, byte[] body, string? requestId)
    {
        lock (_gate)
        {
            entry.Status = status;
            entry.ContentType = contentType;
            entry.Body = body;
            entry.RequestId = requestId;
            entry.InFlight = false;
        }
    }

    /// <summary>Forgets a key whose request did not run to a result Stripe would keep (validation errors, 429, 5xx).</summary>
    public void Release(string scope, IdempotencyEntry entry)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(scope, out var current) && ReferenceEquals(current, entry))
            {
                _entries.Remove(scope);
            }
        }
    }
}
