using Portal.SecureMail.Models;

namespace Portal.SecureMail.Services;

/// <summary>What the sent-items list narrows to; empty values do not filter. <see cref="Search"/> matches the recipient or the invoice number.</summary>
public sealed record SentItemFilter(SecureMessageStatus? Status = null, SecureMessageKind? Kind = null, string? Search = null)
{
    public const int SearchMaxLength = 320;

    public string? Search { get; init; } = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();

    public bool IsEmpty => Status is null && Kind is null && Search is null;
}
