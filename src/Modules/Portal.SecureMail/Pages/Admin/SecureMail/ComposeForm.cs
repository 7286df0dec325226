using Portal.SecureMail.Models;

namespace Portal.SecureMail.Pages.Admin.SecureMail;

/// <summary>What the compose form posts (files come from the request's form files).</summary>
public sealed class ComposeForm
{
    public SecureMessageKind Kind { get; set; }

    public Guid? ClientId { get; set; }

    public string? RecipientEmail { get; set; }

    public string? Subject { get; set; }

    public string? Body { get; set; }

    public string? Password { get; set; }

    public string? Hint { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public bool NotifyWhenOpened { get; set; }

    /// <summary>Text, so a value that is not a number is answered at the field rather than dropped by binding.</summary>
    public string? MaxOpens { get; set; }

    public string? Currency { get; set; }

    public string? InvoiceNumber { get; set; }

    public string? Amount { get; set; }

    public bool IncludeFee { get; set; }
}
