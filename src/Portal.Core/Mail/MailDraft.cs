namespace Portal.Core.Mail;

/// <summary>A composed e-mail ready to queue.</summary>
public sealed record MailDraft(IReadOnlyList<string> To, string Subject, string HtmlBody, string TextBody, string? Template = null);
