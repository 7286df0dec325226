using System.Buffers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Storage;
using Portal.Documents.Data;
using Portal.Documents.Models;

namespace Portal.Documents.Services;

/// <summary>
/// Adds versions of documents. A version becomes visible only when both its encrypted blob and its
/// database row are committed: the blob is written first, then the row; if the row fails the blob
/// is removed (and the orphan sweeper removes any left by a crash in between). The other side sees
/// it only once it is released by its malware scan (see <see cref="ScanVisibility"/>).
/// A file versions only a document of its own side: what the practice sent and what the client
/// uploaded are kept apart even under the same name (a client's upload must never become "version 2"
/// of the practice's document), and a file identical to the current version adds nothing.
/// </summary>
public sealed class DocumentStore(
    DocumentsDbContext db,
    EncryptedBlobStore blobs,
    FileTypes types,
    DocumentScanning scanning,
    IOptions<DocumentOptions> options,
    IPlanLimits plan,
    TimeProvider clock,
    ILogger<DocumentStore> logger) : IPracticeStorage
{
    /// <summary>Stores a whole stream as a version (small uploads, recipes); checks name, type, size and quota.</summary>
    public async Task<StoreResult> StoreAsync(DocumentTarget target, string rawName, Stream content, CancellationToken cancellationToken)
    {
        var name = FileNames.Clean(rawName);
        if (types.CheckName(name) is { } nameError)
        {
            return StoreResult.Refused(nameError);
        }

        // Peek at the first bytes to check the type before anything is stored.
        var head = ArrayPool<byte>.Shared.Rent(FileTypes.HeadLength);
        try
        {
            var read = await content.ReadAtLeastAsync(head.AsMemory(0, FileTypes.HeadLength), FileTypes.HeadLength, throwOnEndOfStream: false, cancellationToken);
            var (contentType, typeError) = types.CheckContent(name, head.AsSpan(0, read));
            if (contentType is null)
            {
                return StoreResult.Refused(typeError!);
            }

            var blobKey = blobs.NewBlobKey();
            await using var whole = new PrefixedStream(head.AsMemory(0, read), content);
            var stored = await blobs.WriteAsync(blobKey, new LengthLimitedStream(whole, options.Value.MaxFileSize), cancellationToken);
            if (await QuotaErrorAsync(stored.Length, cancellationToken) is { } quotaError)
            {
                await blobs.DeleteAsync(blobKey, CancellationToken.None);
                return StoreResult.Refused(quotaError);
            }

            var added = await AddVersionAsync(target, name, blobKey, stored, contentType, cancellationToken);
            return StoreResult.Stored(added.Version, added.Outcome);
        }
        catch (FileTooLargeException)
        {
            return StoreResult.Refused($"\"{name}\" is larger than the {Sizes.Format(options.Value.MaxFileSize)} the portal accepts.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(head);
        }
    }

    /// <summary>
    /// Records a version whose blob is already stored (a completed resumable upload), and queues its
    /// scan. When the file is identical to the current version of the same side's document, nothing is
    /// added and the blob is removed.
    /// </summary>
    public async Task<AddedVersion> AddVersionAsync(DocumentTarget target, string name, string blobKey, StoredBlob stored, string contentType, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            AddedVersion added;
            try
            {
                added = await AddVersionOnceAsync(target, name, blobKey, stored, contentType, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Two files of the same name arrived together and took the same version number: try again.
                db.ChangeTracker.Clear();
                continue;
            }
            catch
            {
                db.ChangeTracker.Clear();
                try
                {
                    await blobs.DeleteAsync(blobKey, CancellationToken.None);
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Could not remove blob {BlobKey} of a version that was not recorded; the orphan sweeper will", blobKey);
                }

                throw;
            }

            if (added.Outcome == VersionOutcome.Unchanged)
            {
                await blobs.DeleteAsync(blobKey, CancellationToken.None);
                return added;
            }

            // Only once the row is committed; a scan lost in between is queued again by the maintenance job.
            await scanning.QueueAsync(added.Version, CancellationToken.None);
            return added;
        }
    }

    /// <summary>The quota problem an upload of this many more bytes would cause, if any; documents and attachments share the quota.</summary>
    public async Task<string?> QuotaErrorAsync(long moreBytes, CancellationToken cancellationToken)
    {
        var (used, quota) = await GetAsync(cancellationToken);
        var reserved = await db.Uploads.Where(u => u.CompletedAt == null).SumAsync(u => (long?)u.Length, cancellationToken) ?? 0;
        return used + reserved + moreBytes > quota
            ? $"The practice's storage is full: {Sizes.Format(used)} of {Sizes.Format(quota)} is used. Delete old files (and empty the trash) or ask the platform to raise the limit."
            : null;
    }

    /// <summary>Stored bytes and the quota in force: the practice's plan's storage when it sets one, else the documents setting.</summary>
    public async Task<PracticeStorageUse> GetAsync(CancellationToken cancellationToken = default)
    {
        var used = (await db.Versions.SumAsync(v => (long?)v.Size, cancellationToken) ?? 0)
            + (await db.Attachments.SumAsync(a => (long?)a.Size, cancellationToken) ?? 0);
        return new PracticeStorageUse(used, (await plan.GetAsync(cancellationToken)).StorageBytes ?? options.Value.PracticeQuota);
    }

    private async Task<AddedVersion> AddVersionOnceAsync(DocumentTarget target, string name, string blobKey, StoredBlob stored, string contentType, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var normalized = FileNames.Normalize(name);
        await using var transaction = await db.Database.BeginOrNestTransactionAsync(cancellationToken);
        var document = await db.Documents.SingleOrDefaultAsync(
            d => d.ClientId == target.ClientId && d.FolderId == target.FolderId && d.NormalizedName == normalized && d.Direction == target.Direction && d.DeletedAt == null,
            cancellationToken);
        if (document is not null
            && await db.Versions.AsNoTracking().SingleAsync(v => v.Id == document.CurrentVersionId, cancellationToken) is { } current
            && current.Sha256 == stored.Sha256 && current.Size == stored.Length)
        {
            return new AddedVersion(current, VersionOutcome.Unchanged);
        }

        var outcome = document is null ? VersionOutcome.NewDocument : VersionOutcome.NewVersion;
        if (document is null)
        {
            document = new Document
            {
                Id = Guid.CreateVersion7(),
                ClientId = target.ClientId,
                FolderId = target.FolderId,
                Name = name,
                NormalizedName = normalized,
                CreatedAt = now,
            };
            db.Documents.Add(document);
        }

        var version = new DocumentVersion
        {
            Id = Guid.CreateVersion7(),
            DocumentId = document.Id,
            Number = document.VersionCount + 1,
            BlobKey = blobKey,
            Size = stored.Length,
            Sha256 = stored.Sha256,
            ContentType = contentType,
            Direction = target.Direction,
            UploadedBy = target.UserId,
            UploadedByName = target.UserName,
            UploadedAt = now,
            BatchId = target.BatchId,
            ScanState = scanning.InitialState,
        };
        db.Versions.Add(version);
        document.VersionCount = version.Number;
        document.CurrentVersionId = version.Id;
        document.StaffVersionId = version.IsVisibleTo(staff: true) ? version.Id : document.StaffVersionId;
        document.ClientVersionId = version.IsVisibleTo(staff: false) ? version.Id : document.ClientVersionId;
        document.Size = stored.Length;
        document.UpdatedAt = now;
        document.Direction = target.Direction;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AddedVersion(version, outcome);
    }
}

/// <summary>Where a new version goes and who sent it.</summary>
public sealed record DocumentTarget(Guid ClientId, Guid? FolderId, TransferDirection Direction, Guid UserId, string UserName, Guid? BatchId = null);

public sealed record StoreResult(DocumentVersion? Version, string? Error, VersionOutcome Outcome = VersionOutcome.NewDocument)
{
    public static StoreResult Stored(DocumentVersion version, VersionOutcome outcome) => new(version, null, outcome);

    public static StoreResult Refused(string error) => new(null, error);
}

/// <summary>The version a file became (or, when unchanged, the identical current version).</summary>
public sealed record AddedVersion(DocumentVersion Version, VersionOutcome Outcome);

/// <summary>What a stored file did to the uploader's side of the folder.</summary>
public enum VersionOutcome
{
    /// <summary>No document of that name from this side existed: a new document.</summary>
    NewDocument,

    /// <summary>It became the next version of this side's document of that name.</summary>
    NewVersion,

    /// <summary>Identical to the current version: nothing was added.</summary>
    Unchanged,
}
