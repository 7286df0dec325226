using Portal.Messages.Services;

namespace Portal.Messages.Pages.Shared;

/// <param name="Page">The thread page the file links go to (client or staff).</param>
/// <param name="PracticeLabel">Added after a practice author's name, e.g. " (practice)".</param>
public sealed record ThreadMessagesModel(Guid ThreadId, Guid ViewerId, IReadOnlyList<ThreadMessage> Messages, string Page, string PracticeLabel);
