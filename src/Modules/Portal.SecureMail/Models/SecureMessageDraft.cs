namespace Portal.SecureMail.Models;

/// <summary>What staff composed. Amounts are minor units; <see cref="ExpiresAt"/> is UTC.</summary>
public sealed record SecureMessageDraft(
    SecureMessageKind Kind,
    string RecipientEmail,
    string Subject,
    string Body,
    string Password,
    string Hint,
    DateTime ExpiresAt,
    bool NotifyWhenOpened)
{
    public Guid? ClientId { get; init; }

    public IReadOnlyList<SecureMessageFile> Files { get; init; } = [];

    public string? Currency { get; init; }

    public string? InvoiceNumber { get; init; }

    public long? Amount { get; init; }

    public bool IncludeFee { get; init; }

    /// <summary>"Can be opened at most N times"; null is no limit beyond the expiry.</summary>
    public int? MaxOpens { get; init; }
}

/// <summary>A file to attach; <see cref="Content"/> is read once.</summary>
public sealed record SecureMessageFile(string FileName, Stream Content);
