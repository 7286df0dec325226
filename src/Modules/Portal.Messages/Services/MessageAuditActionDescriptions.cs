using Portal.Core.Contracts;
using Portal.Messages.Models;

namespace Portal.Messages.Services;

internal sealed class MessageAuditActionDescriptions : IAuditActionDescriptions
{
    public IEnumerable<AuditActionDescription> Describe() =>
    [
        new(MessageAuditActions.ThreadStarted, "Conversation started", "started the conversation {target}"),
        new(MessageAuditActions.ContactSent, "Contact us message sent", "sent a Contact us message, {target}"),
        new(MessageAuditActions.Posted, "Message posted", "posted a message in {target}"),
        new(MessageAuditActions.Assigned, "Conversation assigned", "assigned the conversation {target}"),
        new(MessageAuditActions.AttachmentDownloaded, "Message file downloaded", "downloaded a file of the conversation {target}"),
        new(MessageAuditActions.ReasonAdded, "Contact reason added", "added the contact reason {target}"),
        new(MessageAuditActions.ReasonChanged, "Contact reason changed", "changed the contact reason {target}"),
        new(MessageAuditActions.ReasonRetired, "Contact reason retired", "retired the contact reason {target}"),
        new(MessageAuditActions.ReasonRestored, "Contact reason restored", "restored the contact reason {target}"),
        new(MessageAuditActions.ReasonsReordered, "Contact reasons reordered", "moved the contact reason {target}"),
    ];
}
