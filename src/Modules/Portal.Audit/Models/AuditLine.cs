namespace Portal.Audit.Models;

/// <summary>
/// One event as a sentence for the page: <see cref="Who"/>, then <see cref="Before"/>, the
/// <see cref="Target"/> (when the action has one) and <see cref="After"/>, e.g. "Jordan Lee" "downloaded "
/// "T4 slip 2025.pdf" "". The action's code stays with the event, for tooltips and the CSV.
/// </summary>
/// <param name="WhoAsRecorded">The actor's name as the event recorded it (an e-mail address, or what was typed at sign-in), when it differs from <see cref="Who"/>.</param>
/// <param name="TargetGone">The target no longer exists: <see cref="Target"/> is what the event recorded about it.</param>
/// <param name="Details">What else the event recorded, made readable; null when it became the target's name.</param>
public sealed record AuditLine(
    AuditEvent Event,
    string ActionName,
    bool IsAlert,
    string Who,
    string? WhoAsRecorded,
    string Before,
    string? Target,
    bool TargetGone,
    string After,
    string? Details)
{
    /// <summary>The sentence as plain text, e.g. "Jordan Lee downloaded T4 slip 2025.pdf".</summary>
    public string Sentence => $"{Who} {Before}{Target}{After}".TrimEnd();
}
