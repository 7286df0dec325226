namespace Portal.Core.Mail;

/// <summary>The three texts of an e-mail template, each a Liquid template of its own.</summary>
public enum MailTemplatePart
{
    Subject,
    Html,
    Text,
}
