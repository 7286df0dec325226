using System.Buffers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Contracts;
using Portal.Core.Storage;
using Portal.Documents.Data;
using Portal.Documents.Models;

namespace Portal.Documents.Services;

/// <summary>
/// The attachments contract on the documents rules: the same name and content check
/// (<see cref="FileTypes"/>), size limit and practice quota as an upload, the same encrypted store,
/// and the same scan states (a pending attachment cannot be read until its scan releases it). The blob
/// is written before the row, as for versions; the maintenance job removes a blob left without one.
/// </summary>
internal sealed class AttachmentStore(
    DocumentsDbContext db,
    EncryptedBlobStore blobs,
    FileTypes types,
    DocumentStore documents,
    DocumentScanning scanning,
    IOptions<DocumentOptions> options,
    TimeProvider clock) : IAttachmentStore
{
    public async Task<AttachmentResult> StoreAsync(AttachmentUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(upload.Owner);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(upload.Owner.Length, Attachment.OwnerMaxLength, nameof(upload));
        var name = FileNames.Clean(upload.FileName);
        if (types.CheckName(name) is { } nameError)
        {
            return AttachmentResult.Refused(nameError);
        }

        var head = ArrayPool<byte>.Shared.Rent(FileTypes.HeadLength);
        try
        {
            var read = await upload.Content.ReadAtLeastAsync(head.AsMemory(0, FileTypes.HeadLength), FileTypes.HeadLength, throwOnEndOfStream: false, cancellationToken);
            var (contentType, typeError) = types.CheckContent(name, head.AsSpan(0, read));
            if (contentType is null)
            {
                return AttachmentResult.Refused(typeError!);
            }

            var blobKey = blobs.NewBlobKey();
            await using var whole = new PrefixedStream(head.AsMemory(0, read), upload.Content);
            var stored = await blobs.WriteAsync(blobKey, new LengthLimitedStream(whole, options.Value.MaxFileSize), cancellationToken);
            if (await documents.QuotaErrorAsync(stored.Length, cancellationToken) is { } quotaError)
            {
                await blobs.DeleteAsync(blobKey, CancellationToken.None);
                return AttachmentResult.Refused(quotaError);
            }

            var attachment = new Attachment
            {
                Id = Guid.CreateVersion7(),
                Owner = upload.Owner,
                OwnerId = upload.OwnerId,
                FileName = name,
                BlobKey = blobKey,
                Size = stored.Length,
                Sha256 = stored.Sha256,
                ContentType = contentType,
                UploadedBy = upload.UploadedBy,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                ScanState = scanning.InitialState,
            };
            db.Attachments.Add(attachment);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch
            {
                await blobs.DeleteAsync(blobKey, CancellationToken.None);
                throw;
            }

            // Only once the row is committed; a scan lost in between is queued again by the maintenance job.
            await scanning.QueueAsync(attachment, CancellationToken.None);
            return AttachmentResult.Stored(Info(attachment));
        }
        catch (FileTooLargeException)
        {
            return AttachmentResult.Refused($"\"{name}\" is larger than the {Sizes.Format(options.Value.MaxFileSize)} the portal accepts.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(head);
        }
    }

    public async Task<AttachmentInfo?> FindAsync(Guid attachmentId, CancellationToken cancellationToken = default)
        => await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId, cancellationToken) is { } attachment ? Info(attachment) : null;

    public async Task<IReadOnlyList<AttachmentInfo>> ListAsync(string owner, Guid ownerId, CancellationToken cancellationToken = default)
        => (await db.Attachments.AsNoTracking().Where(a => a.Owner == owner && a.OwnerId == ownerId).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken))
            .Select(Info).ToList();

    public async Task<Stream?> OpenReadAsync(Guid attachmentId, CancellationToken cancellationToken = default)
    {
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId, cancellationToken);
        return attachment is not null && Info(attachment).IsReleased
            ? await blobs.OpenReadAsync(attachment.BlobKey, attachment.Sha256, cancellationToken)
            : null;
    }

    public async Task<bool> DeleteAsync(Guid attachmentId, CancellationToken cancellationToken = default)
    {
        var blobKey = await db.Attachments.Where(a => a.Id == attachmentId).Select(a => a.BlobKey).SingleOrDefaultAsync(cancellationToken);
        if (blobKey is null || await db.Attachments.Where(a => a.Id == attachmentId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return false;
        }

        // Row first: a blob without a row is swept later, a row without its blob would be a broken file.
        await blobs.DeleteAsync(blobKey, CancellationToken.None);
        return true;
    }

    private static AttachmentInfo Info(Attachment a) => new(
        a.Id,
        a.Owner,
        a.OwnerId,
        a.FileName,
        a.ContentType,
        a.Size,
        a.Sha256,
        a.ScanState switch
        {
            ScanState.Clean => AttachmentScanState.Clean,
            ScanState.Quarantined => AttachmentScanState.Quarantined,
            ScanState.NotScanned => AttachmentScanState.NotScanned,
            _ => AttachmentScanState.Pending,
        },
        a.CreatedAt);
}
