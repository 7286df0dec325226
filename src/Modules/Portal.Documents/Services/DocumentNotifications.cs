using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Core.Jobs;
using Portal.Core.Mail;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Core.Theming;
using Portal.Documents.Data;
using Portal.Documents.Models;

namespace Portal.Documents.Services;

/// <summary>
/// Tells the other side about new files, one e-mail per batch: the browser marks a batch complete
/// when its last file is in, and a delayed job covers a batch whose browser went away. Each file is
/// announced once (it records when), so a late file gets a notice of its own.
/// Practice to client: through the reminders queue when there is one (staff may review first). Client to practice:
/// to the practice's contact address. Only released files are announced (clean, or passed
/// unscanned); a batch waits while any of its files is being scanned.
/// </summary>
public sealed class DocumentNotifications(
    DocumentsDbContext db,
    IClientDirectory clients,
    IUserDirectory users,
    DocumentShares shares,
    IDocumentsSentDelivery notices,
    IJobQueue jobs,
    IDomainEventPublisher events,
    MailComposer composer,
    IMailOutbox outbox,
    SiteSettingsStore settings,
    TenantContext tenantContext,
    TenantUrls urls,
    IOptions<DocumentOptions> options,
    TimeProvider clock)
{
    public const string ReminderKind = "documents.sent";

    /// <summary>How long after a browser's "batch complete" a batch still being scanned is checked again.</summary>
    public static readonly TimeSpan ScanSettle = TimeSpan.FromSeconds(5);

    /// <summary>
    /// After each finished upload (<see cref="FallbackNoticeOnUpload"/>): schedule the fallback notice for
    /// its batch, a quiet period after the upload. Queued twice (the event delivered again), the second
    /// notice finds the files already claimed.
    /// </summary>
    public async Task ScheduleFallbackNoticeAsync(DocumentUploaded uploaded, DateTime uploadedAt, CancellationToken cancellationToken)
    {
        var delay = NoticeDelay(uploaded.FromClient ? TransferDirection.FromClient : TransferDirection.ToClient);
        await jobs.EnqueueAsync<DocumentNoticeHandler, DocumentNotice>(
            new DocumentNotice(uploaded.ClientId, uploaded.BatchId, uploaded.VersionId, AfterQuietPeriod: true),
            new EnqueueOptions { RunAfter = uploadedAt + delay },
            cancellationToken);
    }

    /// <summary>After a scan: a file scanned after its batch's fallback notice ran (which waited for it) is announced now.</summary>
    public async Task ReleasedAsync(DocumentVersion version, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (version.UploadedAt + NoticeDelay(version.Direction) > now)
        {
            return; // the fallback notice queued at upload is still to come
        }

        var clientId = await db.Documents.Where(d => d.Id == version.DocumentId).Select(d => d.ClientId).SingleAsync(cancellationToken);
        await jobs.EnqueueAsync<DocumentNoticeHandler, DocumentNotice>(new DocumentNotice(clientId, version.BatchId, version.Id), cancellationToken);
    }

    /// <summary>The browser's "this batch is complete": announced now, or, while a file is still scanned, checked again shortly.</summary>
    public async Task<int> BatchCompleteAsync(Guid clientId, Guid batchId, CancellationToken cancellationToken)
    {
        var announced = await NotifyAsync(clientId, batchId, null, cancellationToken);
        if (announced == 0 && await db.Versions.AnyAsync(v => v.BatchId == batchId && v.ScanState == ScanState.Pending, cancellationToken))
        {
            await jobs.EnqueueAsync<DocumentNoticeHandler, DocumentNotice>(
                new DocumentNotice(clientId, batchId, null),
                new EnqueueOptions { RunAfter = clock.GetUtcNow().UtcDateTime + ScanSettle },
                cancellationToken);
        }

        return announced;
    }

    /// <summary>Announces the batch's files not announced yet; returns how many.</summary>
    public async Task<int> NotifyAsync(Guid clientId, Guid? batchId, Guid? versionId, CancellationToken cancellationToken)
    {
        if (await db.Versions.AnyAsync(v => v.ScanState == ScanState.Pending && (batchId != null ? v.BatchId == batchId : v.Id == versionId), cancellationToken))
        {
            return 0; // announced whole once scanned (see ReleasedAsync)
        }

        var candidates = await db.Versions.AsNoTracking()
            .Where(v => v.NotifiedAt == null && (batchId != null ? v.BatchId == batchId : v.Id == versionId))
            .Where(ScanVisibility.Released)
            .Join(db.Documents.Where(d => d.ClientId == clientId && d.DeletedAt == null), v => v.DocumentId, d => d.Id, (v, d) => new { Version = v, Document = d })
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return 0;
        }

        // Two jobs of one batch may run at once on different workers: each file is claimed by a
        // conditional update, in one transaction and in id order, so a concurrent call waits for this
        // one and then finds the batch claimed (one e-mail, not one per worker).
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = new List<(DocumentVersion Version, Document Document)>(candidates.Count);
        await using var transaction = await db.Database.BeginOrNestTransactionAsync(cancellationToken);
        foreach (var candidate in candidates.OrderBy(c => c.Version.Id))
        {
            var id = candidate.Version.Id;
            if (await db.Versions.Where(v => v.Id == id && v.NotifiedAt == null).ExecuteUpdateAsync(s => s.SetProperty(v => v.NotifiedAt, now), cancellationToken) == 1)
            {
                claimed.Add((candidate.Version, candidate.Document));
            }
        }

        // Published with the claim: the files are announced exactly when this commits.
        foreach (var side in claimed.GroupBy(c => c.Version.Direction))
        {
            events.Publish(db, new DocumentsSent(clientId, batchId, side.Select(c => c.Version.Id).ToList(), side.Key == TransferDirection.FromClient));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (claimed.Count == 0)
        {
            return 0;
        }

        var client = await clients.FindAsync(clientId, cancellationToken);
        var clientName = client?.Name ?? "your account";
        var toClient = claimed.Where(c => c.Version.Direction == TransferDirection.ToClient).ToList();
        var fromClient = claimed.Where(c => c.Version.Direction == TransferDirection.FromClient).ToList();

        // The practice may have switched these e-mails off; the files are still marked announced (new on the client's site).
        if (toClient.Count > 0 && (await settings.GetAsync<ClientSiteSwitches>(cancellationToken)).EmailClientsOnSentFiles)
        {
            var portalUsers = await clients.PortalUsersAsync(clientId, cancellationToken);
            var people = await users.FindManyAsync(portalUsers.Select(p => p.UserId), cancellationToken);
            foreach (var portalUser in portalUsers)
            {
                if (people.GetValueOrDefault(portalUser.UserId) is not { IsDisabled: false } person)
                {
                    continue;
                }

                // The same rule as reading: a contributor hears of what is shared with them, folders with everything below.
                var rights = await shares.ForPortalUserAsync(clientId, portalUser, cancellationToken);
                var visible = toClient.Select(c => c.Document).Where(rights.CanSee).ToList();
                if (visible.Count == 0)
                {
                    continue;
                }

                var payload = JsonSerializer.Serialize(new DocumentsSentPayload(clientId, clientName, person.DisplayName, visible.Select(d => d.Name).ToList(), visible.Select(d => d.Id).ToList()));
                await notices.DeliverAsync(
                    new ReminderRequest(ReminderKind, person.Id, person.Email, $"{(visible.Count == 1 ? "1 new document" : $"{visible.Count} new documents")} for {clientName}", payload),
                    cancellationToken);
            }
        }

        if (fromClient.Count > 0 && (await settings.GetAsync<SiteSettings>(cancellationToken)).ContactEmail is { } practiceAddress)
        {
            var draft = await composer.ComposeAsync(
                DocumentMailTemplates.Received,
                [practiceAddress],
                new Dictionary<string, object?>
                {
                    ["uploadedBy"] = string.Join(", ", fromClient.Select(c => c.Version.UploadedByName).Distinct()),
                    ["clientName"] = clientName,
                    ["count"] = fromClient.Count,
                    ["plural"] = fromClient.Count != 1,
                    ["files"] = fromClient.Select(c => c.Document.Name).ToArray(),
                    ["link"] = urls.Link(tenantContext.Tenant, $"/admin/documents/clients/{clientId}?new=true"),
                },
                cancellationToken);
            await outbox.QueueAsync(draft, cancellationToken);
        }

        return claimed.Count;
    }

    /// <summary>
    /// A queued notice. The fallback queued at an upload: while the batch is still receiving files (a later
    /// upload's quiet period has not passed) it leaves the batch to that upload's own notice, so a
    /// slow batch is still announced in one e-mail.
    /// </summary>
    public async Task<int> RunQueuedNoticeAsync(DocumentNotice notice, CancellationToken cancellationToken)
    {
        if (notice is { AfterQuietPeriod: true, BatchId: { } batchId })
        {
            var latest = await db.Versions.Where(v => v.BatchId == batchId)
                .OrderByDescending(v => v.UploadedAt)
                .Select(v => new { v.UploadedAt, v.Direction })
                .FirstOrDefaultAsync(cancellationToken);
            if (latest is not null && latest.UploadedAt + NoticeDelay(latest.Direction) > clock.GetUtcNow().UtcDateTime)
            {
                return 0;
            }
        }

        return await NotifyAsync(notice.ClientId, notice.BatchId, notice.VersionId, cancellationToken);
    }

    private TimeSpan NoticeDelay(TransferDirection direction) => direction == TransferDirection.FromClient ? options.Value.StaffNoticeDelay : TimeSpan.FromMinutes(10);
}

/// <param name="AfterQuietPeriod">Queued at an upload: waits until the batch's last upload is as old as the notice delay.</param>
public sealed record DocumentNotice(Guid ClientId, Guid? BatchId, Guid? VersionId, bool AfterQuietPeriod = false);

/// <summary>The delayed notice of a batch (or single file), in case the browser never said it was complete.</summary>
internal sealed class DocumentNoticeHandler(DocumentNotifications notifications) : IJobHandler<DocumentNotice>
{
    public static string JobType => "documents.notice";

    public Task ExecuteAsync(DocumentNotice notice, JobContext context, CancellationToken cancellationToken)
        => notifications.RunQueuedNoticeAsync(notice, cancellationToken);
}
