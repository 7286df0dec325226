namespace Portal.SecureMail.Models;

/// <summary>The draft's fields, as problems name them (the compose form's input names).</summary>
public static class SecureMessageFields
{
    public const string Form = "";
    public const string RecipientEmail = "RecipientEmail";
    public const string Subject = "Subject";
    public const string Body = "Body";
    public const string Password = "Password";
    public const string Hint = "Hint";
    public const string ExpiresOn = "ExpiresOn";
    public const string MaxOpens = "MaxOpens";
    public const string ClientId = "ClientId";
    public const string Currency = "Currency";
    public const string InvoiceNumber = "InvoiceNumber";
    public const string Amount = "Amount";
    public const string Attachments = "Attachments";
}
