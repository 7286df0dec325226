using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Events;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Storage;
using Portal.Core.Theming;
using Portal.Documents.Data;
using Portal.Documents.Models;

namespace Portal.Documents.Services;

/// <summary>
/// The server side of tus 1.0.0 resumable uploads (creation, expiration, checksum with sha256,
/// termination). Bytes stage encrypted on disk as they arrive; an offset reported to the client is
/// only ever what is durably stored, so an interrupted upload resumes where it stopped, even after
/// a restart. The first bytes are checked against the file's type before anything is kept. Only
/// the user who created an upload can see or touch it.
/// </summary>
public sealed class TusUploads(
    DocumentsDbContext db,
    EncryptedBlobStore blobs,
    DocumentAccess access,
    DocumentStore store,
    IDomainEventPublisher events,
    FileTypes types,
    IAuditLog audit,
    IOptions<DocumentOptions> options,
    SiteSettingsStore settings,
    TimeProvider clock,
    ILogger<TusUploads> logger)
{
    public const string Version = "1.0.0";

    /// <summary>The type of a request body that is an upload's bytes (PATCH, and a POST that carries its first bytes).</summary>
    public const string BytesContentType = "application/offset+octet-stream";

    /// <summary>A PATCH with a checksum is held in memory to check it before it is kept: bound its size.</summary>
    public const int MaxChecksummedChunk = 64 * 1024 * 1024;

    // One writer per upload at a time in this process; offsets reject a stale writer anyway.
    private static readonly ConcurrentDictionary<Guid, SemaphoreSlim> Locks = new();

    public async Task<TusResult> CreateAsync(ClaimsPrincipal user, long? length, string? metadataHeader, CancellationToken cancellationToken)
    {
        if (length is null or < 0)
        {
            return TusResult.Failed(UploadErrors.LengthRequired);
        }

        var metadata = TusMetadata.Parse(metadataHeader);
        if (metadata is null)
        {
            return TusResult.Failed(UploadErrors.MetadataMalformed);
        }

        var name = FileNames.Clean(metadata.GetValueOrDefault("filename"));
        if (length > options.Value.MaxFileSize)
        {
            return TusResult.Failed(UploadErrors.FileTooLarge(name, length.Value, options.Value.MaxFileSize));
        }

        if (!Guid.TryParse(metadata.GetValueOrDefault("clientId"), out var clientId))
        {
            return TusResult.Failed(UploadErrors.ClientRequired);
        }

        var rights = await access.ForClientAsync(user, clientId, cancellationToken);
        if (rights.CanView && !rights.IsStaff && !await ClientUploadsOnAsync(cancellationToken))
        {
            return TusResult.Failed(UploadErrors.ClientUploadsOff);
        }

        Folder? folder = null;
        if (Guid.TryParse(metadata.GetValueOrDefault("folderId"), out var folderId))
        {
            folder = await db.Folders.AsNoTracking().SingleOrDefaultAsync(f => f.Id == folderId && f.ClientId == clientId && f.DeletedAt == null, cancellationToken);
            if (folder is null)
            {
                return TusResult.Failed(UploadErrors.FolderNotFound);
            }
        }

        if (!rights.CanUploadTo(folder))
        {
            if (rights.Level != ClientAccessLevel.None)
            {
                await audit.RecordAsync(new AuditEntry(AuditActions.AccessDenied, AuditTargetTypes.Client, clientId.ToString(), folder is null ? "upload to the top level" : $"upload to folder {folder.Id}"), cancellationToken);
            }

            return TusResult.Failed(rights.CanView ? UploadErrors.FolderForbidden : UploadErrors.ClientNotFound);
        }

        if (types.CheckName(name) is { } nameError)
        {
            return TusResult.Failed(UploadErrors.FileTypeRefused(nameError));
        }

        if (await store.QuotaErrorAsync(length.Value, cancellationToken) is { } quotaError)
        {
            return TusResult.Failed(UploadErrors.QuotaExceeded(quotaError));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var batchId = Guid.TryParse(metadata.GetValueOrDefault("batchId"), out var batch) ? batch : (Guid?)null;
        var requestItemId = Guid.TryParse(metadata.GetValueOrDefault("requestItemId"), out var item) ? item : (Guid?)null;
        var upload = new Upload
        {
            Id = Guid.CreateVersion7(),
            ClientId = clientId,
            FolderId = folder?.Id,
            FileName = name,
            Length = length.Value,
            BlobKey = blobs.NewBlobKey(),
            UserId = user.IdOf()!.Value,
            UserName = user.DisplayNameOf(),
            Direction = rights.IsStaff ? TransferDirection.ToClient : TransferDirection.FromClient,
            BatchId = batchId,
            RequestItemId = requestItemId,
            CreatedAt = now,
            ExpiresAt = now + options.Value.UploadExpiry,
        };
        db.Uploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        if (upload.Length == 0)
        {
            // Nothing will ever be PATCHed: an empty file is complete as created (no type to check).
            return await RefuseEmptyAsync(upload, cancellationToken);
        }

        return TusResult.Created(upload.Id, upload.ExpiresAt);
    }

    private async Task<bool> ClientUploadsOnAsync(CancellationToken cancellationToken)
        => (await settings.GetAsync<ClientSiteSwitches>(cancellationToken)).ClientUploads;

    /// <summary>Tries of a PATCH that meets a HEAD reading the staged file (about 2 s in all).</summary>
    private const int HeldFileAttempts = 15;

    public async Task<TusResult> HeadAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var upload = await FindAsync(user, id, cancellationToken);
        if (upload is null)
        {
            return TusResult.Failed(UploadErrors.NotFound);
        }

        if (upload.CompletedAt is null && upload.ExpiresAt <= clock.GetUtcNow().UtcDateTime)
        {
            return TusResult.Failed(UploadErrors.Expired);
        }

        try
        {
            var offset = upload.CompletedAt is not null ? upload.Length : await Staging(upload).DurableLengthAsync(cancellationToken);
            return TusResult.Offset(offset, upload.Length, upload.ExpiresAt, upload.DocumentVersionId);
        }
        catch (StagingConflictException)
        {
            // A PATCH holds the staged file (possibly on another server): its offset is not known until it ends.
            return TusResult.Failed(UploadErrors.BeingWritten);
        }
    }

    public async Task<TusResult> PatchAsync(ClaimsPrincipal user, Guid id, string? contentType, long? offset, string? checksumHeader, Stream body, long? contentLength, CancellationToken cancellationToken)
    {
        if (!string.Equals(contentType, BytesContentType, StringComparison.OrdinalIgnoreCase))
        {
            return TusResult.Failed(UploadErrors.PatchContentType);
        }

        if (offset is null or < 0)
        {
            return TusResult.Failed(UploadErrors.OffsetRequired);
        }

        byte[]? expectedChecksum = null;
        if (checksumHeader is not null)
        {
            var parts = checksumHeader.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !string.Equals(parts[0], "sha256", StringComparison.OrdinalIgnoreCase))
            {
                return TusResult.Failed(UploadErrors.ChecksumAlgorithm);
            }

            try
            {
                expectedChecksum = Convert.FromBase64String(parts[1]);
            }
            catch (FormatException)
            {
                return TusResult.Failed(UploadErrors.ChecksumNotBase64);
            }
        }

        var gate = Locks.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken))
        {
            return TusResult.Failed(UploadErrors.AnotherWriter);
        }

        PooledChunk? held = null;
        try
        {
            var upload = await FindAsync(user, id, cancellationToken);
            if (upload is null)
            {
                return TusResult.Failed(UploadErrors.NotFound);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (upload.CompletedAt is not null)
            {
                return TusResult.Failed(UploadErrors.AlreadyComplete);
            }

            // An upload begun before the practice switched client uploads off is not finished after it.
            if (upload.Direction == TransferDirection.FromClient && !await ClientUploadsOnAsync(cancellationToken))
            {
                return TusResult.Failed(UploadErrors.ClientUploadsOff);
            }

            if (upload.ExpiresAt <= now)
            {
                return TusResult.Failed(UploadErrors.Expired);
            }

            var staging = Staging(upload);
            long current;
            try
            {
                current = await WhileReadersFinishAsync(id, () => staging.DurableLengthAsync(cancellationToken), cancellationToken);
            }
            catch (StagingConflictException conflict)
            {
                return TusResult.Failed(UploadErrors.Busy(conflict.Message));
            }

            if (offset != current)
            {
                return TusResult.Offset(current, upload.Length, upload.ExpiresAt, null, UploadErrors.OffsetMismatch($"Upload-Offset is {offset} but the upload is at {current}."));
            }

            if (contentLength is { } declared && current + declared > upload.Length)
            {
                return TusResult.Failed(UploadErrors.PastTheEnd);
            }

            Stream source = body;
            if (expectedChecksum is not null)
            {
                // Hold the chunk, check it, and only then keep it: a mismatch must not move the offset.
                held = await PooledChunk.ReadAsync(body, contentLength, Math.Min(MaxChecksummedChunk, upload.Length - current), cancellationToken);
                if (held is null)
                {
                    return TusResult.Failed(UploadErrors.ChunkTooLarge(MaxChecksummedChunk));
                }

                if (!CryptographicOperations.FixedTimeEquals(held.Sha256, expectedChecksum))
                {
                    return TusResult.Offset(current, upload.Length, upload.ExpiresAt, null, UploadErrors.ChecksumMismatch);
                }

                source = held.AsStream();
            }

            if (current == 0)
            {
                var (checkedStream, error) = await CheckTypeAsync(upload, source, cancellationToken);
                if (error is not null)
                {
                    await TerminateAsync(upload, CancellationToken.None);
                    return TusResult.Failed(UploadErrors.FileTypeRefused(error));
                }

                source = checkedStream!;
            }

            long reached;
            try
            {
                var limited = new LengthLimitedStream(source, upload.Length - current);
                reached = await WhileReadersFinishAsync(id, () => staging.AppendAsync(limited, current, cancellationToken), cancellationToken);
            }
            catch (FileTooLargeException)
            {
                return TusResult.Failed(UploadErrors.PastTheEnd);
            }
            catch (StagingConflictException conflict)
            {
                // Another server's request holds the staged file, or it moved on meanwhile: say where it is, if known.
                return conflict.DurableLength is { } at
                    ? TusResult.Offset(at, upload.Length, upload.ExpiresAt, null, UploadErrors.OffsetMismatch(conflict.Message))
                    : TusResult.Failed(UploadErrors.Busy(conflict.Message));
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or Microsoft.AspNetCore.Connections.ConnectionResetException)
            {
                // The client went away mid-chunk: what reached the disk stays, the client resumes from it.
                logger.LogInformation("Upload {UploadId} interrupted at {Offset}", id, await staging.DurableLengthAsync(CancellationToken.None));
                throw;
            }

            // Moving the expiry is a database write (and a journal sync on SQLite) on every PATCH: it
            // moves only once it would move by a minute (or a hundredth of the expiry, if shorter).
            // SaveChanges writes nothing when neither it nor the content type (first PATCH) changed.
            var extended = now + options.Value.UploadExpiry;
            if (extended - upload.ExpiresAt >= TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerMinute, options.Value.UploadExpiry.Ticks / 100)))
            {
                upload.ExpiresAt = extended;
            }

            await db.SaveChangesAsync(CancellationToken.None);
            if (reached < upload.Length)
            {
                return TusResult.Offset(reached, upload.Length, upload.ExpiresAt, null);
            }

            var added = await CompleteAsync(upload, staging, cancellationToken);

            // A finished upload takes no more requests: its gate goes (they are kept per upload in progress only).
            Locks.TryRemove(new KeyValuePair<Guid, SemaphoreSlim>(id, gate));
            return TusResult.Offset(reached, upload.Length, upload.ExpiresAt, added.Version.Id) with { Outcome = added };
        }
        finally
        {
            held?.Dispose();
            gate.Release();
        }
    }

    /// <summary>
    /// A HEAD (on any server) holds the staged file for the moment it reads its length; a PATCH that
    /// meets one waits for it briefly instead of failing. The staged file is opened before any byte of
    /// the body is read, so trying again loses nothing. A writer that holds it longer is a conflict.
    /// </summary>
    private async Task<T> WhileReadersFinishAsync<T>(Guid uploadId, Func<Task<T>> action, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (StagingConflictException conflict) when (conflict.DurableLength is null && attempt < HeldFileAttempts)
            {
                logger.LogInformation("Upload {UploadId}: the staged file is held by another request; the PATCH waits for it", uploadId);
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken);
            }
        }
    }

    public async Task<TusResult> DeleteAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var upload = await FindAsync(user, id, cancellationToken);
        if (upload is null || upload.CompletedAt is not null)
        {
            return TusResult.Failed(UploadErrors.NotInProgress);
        }

        await TerminateAsync(upload, cancellationToken);
        return TusResult.Done;
    }

    /// <summary>Removes expired, unfinished uploads and their staged bytes.</summary>
    public async Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await db.Uploads.Where(u => u.CompletedAt == null && u.ExpiresAt < now).ToListAsync(cancellationToken);
        foreach (var upload in expired)
        {
            await TerminateAsync(upload, cancellationToken);
        }

        // Completed uploads are kept a day as a receipt (a late HEAD still sees the final offset).
        await db.Uploads.Where(u => u.CompletedAt != null && u.CompletedAt < now.AddDays(-1)).ExecuteDeleteAsync(cancellationToken);
        return expired.Count;
    }

    private async Task<AddedVersion> CompleteAsync(Upload upload, EncryptedStaging staging, CancellationToken cancellationToken)
    {
        var stored = await staging.CompleteAsync(cancellationToken);
        var added = await store.AddVersionAsync(
            new DocumentTarget(upload.ClientId, upload.FolderId, upload.Direction, upload.UserId, upload.UserName, upload.BatchId),
            upload.FileName,
            upload.BlobKey,
            stored,
            upload.ContentType ?? "application/octet-stream",
            cancellationToken);
        var version = added.Version;
        upload.CompletedAt = clock.GetUtcNow().UtcDateTime;
        upload.DocumentVersionId = version.Id;
        if (added.Outcome != VersionOutcome.Unchanged)
        {
            events.Publish(db, new DocumentUploaded(upload.ClientId, version.DocumentId, version.Id, upload.BatchId, upload.Direction == TransferDirection.FromClient, upload.UserId, upload.RequestItemId));
        }

        await db.SaveChangesAsync(CancellationToken.None);
        if (added.Outcome == VersionOutcome.Unchanged)
        {
            // The same bytes again: no version, nothing for the other side to hear about.
            await audit.RecordAsync(new AuditEntry(DocumentAuditActions.UploadUnchanged, AuditTargetTypes.Document, version.DocumentId.ToString(), $"{upload.FileName}: identical to v{version.Number}, nothing added"), CancellationToken.None);
            return added;
        }

        await audit.RecordAsync(new AuditEntry(DocumentAuditActions.Uploaded, AuditTargetTypes.Document, version.DocumentId.ToString(), $"{upload.FileName} v{version.Number}, {upload.Length} bytes, {(upload.Direction == TransferDirection.ToClient ? "to the client" : "from the client")}"), CancellationToken.None);
        return added;
    }

    private async Task<TusResult> RefuseEmptyAsync(Upload upload, CancellationToken cancellationToken)
    {
        await TerminateAsync(upload, cancellationToken);
        return TusResult.Failed(UploadErrors.Empty(upload.FileName));
    }

    private async Task<(Stream? Stream, string? Error)> CheckTypeAsync(Upload upload, Stream source, CancellationToken cancellationToken)
    {
        var head = ArrayPool<byte>.Shared.Rent(FileTypes.HeadLength);
        var want = (int)Math.Min(FileTypes.HeadLength, upload.Length);
        var read = await source.ReadAtLeastAsync(head.AsMemory(0, want), want, throwOnEndOfStream: false, cancellationToken);
        var (contentType, error) = types.CheckContent(upload.FileName, head.AsSpan(0, read));
        var prefix = head.AsSpan(0, read).ToArray();
        ArrayPool<byte>.Shared.Return(head);
        if (contentType is null)
        {
            await audit.RecordAsync(new AuditEntry(DocumentAuditActions.UploadRefused, AuditTargetTypes.Client, upload.ClientId.ToString(), $"{upload.FileName}: content does not match its type"), cancellationToken);
            return (null, error);
        }

        upload.ContentType = contentType;
        return (new PrefixedStream(prefix, source), null);
    }

    private async Task TerminateAsync(Upload upload, CancellationToken cancellationToken)
    {
        await Staging(upload).DeleteAsync();
        db.Uploads.Remove(upload);
        await db.SaveChangesAsync(cancellationToken);
        Locks.TryRemove(upload.Id, out _);
    }

    private EncryptedStaging Staging(Upload upload) => blobs.OpenStaging(upload.Id.ToString("N"), upload.BlobKey, upload.Length);

    private async Task<Upload?> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var userId = user.IdOf() ?? Guid.Empty;
        return await db.Uploads.SingleOrDefaultAsync(u => u.Id == id && u.UserId == userId, cancellationToken);
    }
}

/// <summary>
/// What a tus request came to: the offsets for the headers, and the error when it failed (with the
/// offset too when the client should resume from it). The endpoint chooses the status.
/// </summary>
public sealed record TusResult(Guid? CreatedId, long? UploadOffset, long? UploadLength, DateTime? ExpiresAt, Guid? VersionId, PortalError? Error)
{
    public static readonly TusResult Done = new(null, null, null, null, null, null);

    /// <summary>On the request that completed the upload: what the file became.</summary>
    public AddedVersion? Outcome { get; init; }

    public static TusResult Failed(PortalError error) => new(null, null, null, null, null, error);

    public static TusResult Created(Guid id, DateTime expiresAt) => new(id, 0, null, expiresAt, null, null);

    public static TusResult Offset(long offset, long length, DateTime expiresAt, Guid? versionId, PortalError? error = null)
        => new(null, offset, length, expiresAt, versionId, error);
}
