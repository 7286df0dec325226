using Microsoft.AspNetCore.Mvc;
using Portal.Core.Contracts;
using Portal.Messages.Models;
using Portal.Messages.Services;

namespace Portal.Messages.Pages.Shared;

/// <summary>A thread's file as a download (never shown inline), audited; a file still being scanned or quarantined is not served.</summary>
public sealed class MessageFileDownload(ThreadView view, IAttachmentStore attachments, IAuditLog audit)
{
    public async Task<IActionResult?> DownloadAsync(Guid threadId, Guid fileId, CancellationToken cancellationToken)
    {
        if (await view.AttachmentAsync(threadId, fileId, cancellationToken) is not { } file
            || await attachments.OpenReadAsync(file.AttachmentId, cancellationToken) is not { } content)
        {
            return null;
        }

        await audit.RecordAsync(new AuditEntry(MessageAuditActions.AttachmentDownloaded, MessageAuditTargets.Thread, threadId.ToString(), file.FileName), cancellationToken);
        return new FileStreamResult(content, "application/octet-stream") { FileDownloadName = file.FileName };
    }
}
