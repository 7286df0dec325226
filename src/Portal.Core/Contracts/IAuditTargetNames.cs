namespace Portal.Core.Contracts;

/// <summary>
/// The current names of one type of audit target ("document", "client", "user" ...), registered by the
/// module that owns those things. Events keep ids, never rewritten, because names change and the trail is
/// a chain; the audit trail page shows what each target is called now. It asks once per page with every
/// id on it (targets, actors, ids inside details), so an implementation answers with one query, and an id
/// it does not know is simply left out: the page then shows what the event recorded.
/// </summary>
public interface IAuditTargetNames
{
    /// <summary>The <see cref="AuditEntry.TargetType"/> these names are for.</summary>
    string TargetType { get; }

    /// <summary>Names by id for the ids that exist now; ids that are not this module's (or not ids at all) are ignored.</summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken = default);
}
