using Portal.SecureMail.Models;

namespace Portal.SecureMail.Services;

/// <summary>A message and its status when it was read.</summary>
public sealed record SentItem(SecureMessage Message, SecureMessageStatus Status);

/// <summary>One page of sent items and the cursor of the next (null on the last page).</summary>
public sealed record SentItemsPage(IReadOnlyList<SentItem> Items, string? Next);

public sealed record SentItemReply(DateTime At, string? Ip, string Text);

public sealed record SentItemDetails(SentItem Item, IReadOnlyList<SecureMessageAttempt> Attempts, IReadOnlyList<SentItemReply> Replies, IReadOnlyList<SecureMessageAttachment> Files);
