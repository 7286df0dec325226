using Portal.Audit.Models;
using Portal.Core.Contracts;

namespace Portal.Audit.Services;

/// <summary>
/// Turns a page of events into sentences: who (their name now), what they did (the action's phrase)
/// and to what (the target's name now, or, when it no longer exists, what the event recorded).
/// </summary>
public sealed class AuditSentences(AuditActionCatalog actions, AuditNames names, AuditDetailsText details)
{
    /// <summary>Actions a practice should notice when reading down the trail.</summary>
    private static readonly HashSet<string> Alerts = new(StringComparer.Ordinal) { AuditActions.AccessDenied, AuditActions.SignInFailed, AuditActions.SignInThrottled, AuditActions.WidgetSignInRefused };

    public async Task<IReadOnlyList<AuditLine>> ForAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken = default)
    {
        var index = await names.ForAsync(events, cancellationToken);
        return events.Select(e => Line(e, index)).ToList();
    }

    /// <summary>Each event's sentence as plain text, in order (the CSV's description column).</summary>
    public async Task<IReadOnlyList<string>> DescribeAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken = default)
        => (await ForAsync(events, cancellationToken)).Select(l => l.Sentence).ToList();

    private AuditLine Line(AuditEvent audit, AuditNameIndex index)
    {
        var description = actions.Describe(audit.Action);
        var recordedDetails = string.IsNullOrWhiteSpace(audit.Details) ? null : details.Readable(audit.Details, index);
        var who = (audit.ActorId is { } actorId ? index.Find(AuditTargetTypes.User, actorId.ToString()) : null)
            ?? audit.ActorName
            ?? (audit.ActorId is null ? "The system" : "A user who no longer exists");
        var whoAsRecorded = audit.ActorName is { } recorded && recorded != who ? recorded : null;

        var at = description.Phrase.IndexOf(AuditActionDescription.Target, StringComparison.Ordinal);
        if (at < 0)
        {
            return new AuditLine(audit, description.Name, Alerts.Contains(audit.Action), who, whoAsRecorded, description.Phrase, null, false, "", recordedDetails);
        }

        var before = description.Phrase[..at];
        var after = description.Phrase[(at + AuditActionDescription.Target.Length)..];
        var (target, gone, detailsShown) = Target(audit, index, recordedDetails);
        if (target is null)
        {
            // Nothing names it (an action with no target recorded nothing about one): the sentence ends before it.
            before = before.TrimEnd(' ', ':');
        }

        return new AuditLine(audit, description.Name, Alerts.Contains(audit.Action), who, whoAsRecorded, before, target, gone, after, detailsShown);
    }

    /// <summary>
    /// The target's name now; if it is gone, what the event recorded; a target no module names (a path)
    /// is its own name; with no target at all, the details say what the action was about ("3 clients from a.csv").
    /// </summary>
    private (string? Target, bool Gone, string? Details) Target(AuditEvent audit, AuditNameIndex index, string? recordedDetails)
    {
        if (audit.TargetId is null)
        {
            return (recordedDetails, false, null);
        }

        if (index.Find(audit.TargetType, audit.TargetId) is { } name)
        {
            // Details that only recorded the name (a client added) would say it twice.
            return (name, false, recordedDetails == name ? null : recordedDetails);
        }

        return index.IsNamed(audit.TargetType)
            ? (recordedDetails ?? "something that no longer exists", true, null)
            : (details.Readable(audit.TargetId, index), false, recordedDetails);
    }
}
