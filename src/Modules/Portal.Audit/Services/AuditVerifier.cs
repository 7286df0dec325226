using Microsoft.EntityFrameworkCore;
using Portal.Audit.Data;

namespace Portal.Audit.Services;

/// <summary>
/// Walks the practice's chain from the first event to the last, in batches, and recomputes it: every
/// sequence present, every event linked to the one before it, every hash matching its event.
/// </summary>
public sealed class AuditVerifier(AuditDbContext db)
{
    /// <summary>Events read per query: memory stays bounded however long the trail grows.</summary>
    public const int BatchSize = 1000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        long verified = 0;
        var previousSequence = 0L;
        var previousHash = AuditHash.Genesis;
        while (true)
        {
            var after = previousSequence;
            var batch = await db.Events.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var audit in batch)
            {
                var expected = previousSequence + 1;
                if (audit.Sequence != expected)
                {
                    return new AuditVerification(verified, new AuditChainProblem(expected, AuditChainProblemKind.Missing));
                }

                if (!string.Equals(audit.PreviousHash, previousHash, StringComparison.Ordinal))
                {
                    return new AuditVerification(verified, new AuditChainProblem(audit.Sequence, AuditChainProblemKind.NotLinked));
                }

                if (!string.Equals(AuditHash.Compute(audit), audit.Hash, StringComparison.Ordinal))
                {
                    return new AuditVerification(verified, new AuditChainProblem(audit.Sequence, AuditChainProblemKind.HashMismatch));
                }

                verified++;
                previousSequence = audit.Sequence;
                previousHash = audit.Hash;
            }

            if (batch.Count < BatchSize)
            {
                return new AuditVerification(verified, null);
            }
        }
    }
}

/// <summary>The outcome of a verification: how many events were verified and, if the chain is broken, where first.</summary>
public sealed record AuditVerification(long EventsVerified, AuditChainProblem? Problem)
{
    public bool IsIntact => Problem is null;

    /// <summary>One sentence for people (admin page).</summary>
    public string Summary => Problem switch
    {
        null when EventsVerified == 0 => "The trail has no events yet; there is nothing to tamper with.",
        null => $"All {EventsVerified} {Events(EventsVerified)} verified; the chain is intact.",
        _ => $"The chain is broken at sequence {Problem.Sequence}: {Problem.Reason}. {Problem.Explanation} "
            + $"{EventsVerified} {Events(EventsVerified)} before it verified.",
    };

    private static string Events(long count) => count == 1 ? "event" : "events";
}

public sealed record AuditChainProblem(long Sequence, AuditChainProblemKind Kind)
{
    public string Reason => Kind switch
    {
        AuditChainProblemKind.Missing => $"sequence {Sequence} is missing",
        AuditChainProblemKind.NotLinked => "does not link to the event before it",
        _ => "hash does not match its contents",
    };

    public string Explanation => Kind switch
    {
        AuditChainProblemKind.Missing => "The event was deleted.",
        AuditChainProblemKind.NotLinked => "An event before it was changed, removed or reordered.",
        _ => "The event was changed after it was recorded.",
    };
}

public enum AuditChainProblemKind
{
    /// <summary>The event's stored hash differs from the one computed over its fields.</summary>
    HashMismatch,

    /// <summary>The next sequence number is absent.</summary>
    Missing,

    /// <summary>The event's previous hash is not the hash of the event before it.</summary>
    NotLinked,
}
