namespace Portal.Core.Mail;

/// <summary>
/// A Liquid e-mail template a module ships. Practices may override subject and bodies (see
/// <see cref="MailTemplateOverrides"/>); the sample model feeds the editor's live preview.
/// </summary>
public sealed record MailTemplateDefinition(
    string Name,
    string DisplayName,
    string Description,
    string Subject,
    string Html,
    string Text,
    IReadOnlyDictionary<string, object?> SampleModel);
