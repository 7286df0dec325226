using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Events;
using Portal.Tasks.Data;

namespace Portal.Tasks.Services;

/// <summary>
/// Ticks a request item off when a client's upload names it. The upload only carries the item id the
/// browser sent, so it is checked here again: the item must be of the uploaded document's client, its
/// request still open, the file from the client's side, and the uploader a portal user who may act on
/// the request now. Anything else is ignored (the file stays an ordinary upload). Idempotent: the same
/// version twice changes nothing.
/// </summary>
public sealed class ItemUploadedHandler(TasksDbContext db, TaskAccess access, RequestItems items, IUserDirectory users) : IDomainEventHandler<DocumentUploaded>
{
    /// <summary>A client's upload that names a request item (the registration's filter too).</summary>
    public static bool Takes(DocumentUploaded uploaded) => uploaded is { FromClient: true, RequestItemId: not null };

    public async Task HandleAsync(DocumentUploaded uploaded, DomainEventContext context, CancellationToken cancellationToken)
    {
        if (!Takes(uploaded) || uploaded.RequestItemId is not { } itemId)
        {
            return;
        }

        var item = await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId && i.ClientId == uploaded.ClientId, cancellationToken);
        var task = item is null ? null : await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == item.TaskId && t.ClientId == uploaded.ClientId, cancellationToken);
        if (item is null || task is null || !task.IsOpen || !await access.MayActAsync(uploaded.UploadedBy, task, cancellationToken))
        {
            return;
        }

        var uploader = await users.FindAsync(uploaded.UploadedBy, cancellationToken);
        var name = uploader?.DisplayName ?? "the client";
        var entry = new AuditEntry(TaskAuditActions.ItemReceived, TaskAuditTargets.Task, task.Id.ToString(), $"{item.Name}: document {uploaded.DocumentId}")
        {
            ActorId = uploaded.UploadedBy,
            ActorName = uploader?.Email ?? name,
        };
        await items.ReceivedAsync(item, uploaded.DocumentId, uploaded.VersionId, entry, name, cancellationToken);
    }
}
