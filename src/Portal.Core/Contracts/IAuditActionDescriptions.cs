namespace Portal.Core.Contracts;

/// <summary>
/// Says what a module's audit actions mean to a person, so the audit trail reads as sentences
/// ("Jordan Lee downloaded T4 slip 2025.pdf") and its filter offers names, not codes. Registered by
/// the module that records the actions, because only it knows what they mean; the Audit module shows an
/// action nobody describes (its module was removed since) by its code, made readable.
/// </summary>
public interface IAuditActionDescriptions
{
    IEnumerable<AuditActionDescription> Describe();
}

/// <param name="Action">The code recorded, e.g. "documents.downloaded".</param>
/// <param name="Name">What the action is called in lists and filters, e.g. "Document downloaded".</param>
/// <param name="Phrase">
/// What the actor did, as it follows their name, with <see cref="Target"/> where the target's name goes:
/// "downloaded {target}". A phrase without it leaves the target out of the sentence, for actions whose
/// target is the actor themself ("signed in").
/// </param>
public sealed record AuditActionDescription(string Action, string Name, string Phrase)
{
    public const string Target = "{target}";
}
