using System.IO.Compression;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Core.Storage;
using Portal.Documents.Data;
using Portal.Documents.Models;

namespace Portal.Documents.Services;

/// <summary>
/// Sends files: always as attachments with an RFC 6266 file name, nosniff and no caching, streamed
/// and decrypted on the way with the SHA-256 checked. Small files are checked completely before the
/// first byte leaves, so damage is reported on a page; a large file that turns out damaged while
/// streaming is cut off rather than completed. A staff download of a client's file takes it off
/// the "new files" list; a client's download of a file the practice sent takes off its "New" mark.
/// </summary>
public sealed class DocumentDownloads(
    DocumentsDbContext db,
    EncryptedBlobStore blobs,
    IAuditLog audit,
    IOptions<DocumentOptions> options,
    TimeProvider clock,
    ILogger<DocumentDownloads> logger)
{
    /// <summary>Plaintext per write to the response (two such batches per download, one decrypted while the other is hashed and sent).</summary>
    private const int SendBufferSize = 256 * 1024;

    /// <param name="marksDownloaded">
    /// False for a program fetching files for the practice (the sync API keeps its own marks): the file
    /// stays new for staff until a person downloads it.
    /// </param>
    public async Task<DownloadOutcome> SendAsync(HttpContext context, Document document, DocumentVersion version, ClientDocumentRights rights, bool marksDownloaded = true)
    {
        var cancellationToken = context.RequestAborted;
        if (version.Size <= options.Value.VerifyBeforeSendingUpTo && !await VerifyAsync(version, cancellationToken))
        {
            await audit.RecordAsync(new AuditEntry(DocumentAuditActions.IntegrityFailed, AuditTargetTypes.Document, document.Id.ToString(), $"{document.Name} v{version.Number}"), cancellationToken);
            return DownloadOutcome.Damaged;
        }

        var response = context.Response;
        SetAttachmentHeaders(response, document.Name);
        response.ContentLength = version.Size;
        try
        {
            await using var stream = await blobs.OpenReadAsync(version.BlobKey, version.Sha256, cancellationToken);
            await stream.CopyToAsync(response.Body, SendBufferSize, cancellationToken);
        }
        catch (BlobIntegrityException ex)
        {
            logger.LogError(ex, "Document {DocumentId} version {Version} failed its integrity check while being sent", document.Id, version.Number);
            await audit.RecordAsync(new AuditEntry(DocumentAuditActions.IntegrityFailed, AuditTargetTypes.Document, document.Id.ToString(), $"{document.Name} v{version.Number} (while sending)"), CancellationToken.None);
            context.Abort();
            return DownloadOutcome.Damaged;
        }

        await AfterDownloadAsync(context.User, document, [version], rights, marksDownloaded);
        return DownloadOutcome.Sent;
    }

    /// <summary>Several documents as one zip, built while it is sent (nothing is held whole in memory or on disk).</summary>
    public async Task SendZipAsync(HttpContext context, string zipName, IReadOnlyList<(Document Document, DocumentVersion Version)> files, ClientDocumentRights rights)
    {
        var response = context.Response;
        SetAttachmentHeaders(response, zipName);
        response.ContentType = "application/zip";
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var folderNames = await db.Folders.Where(f => f.ClientId == rights.ClientId).ToDictionaryAsync(f => f.Id, f => f.Name, context.RequestAborted);
        await using var output = new SyncWriteBufferStream(response.Body);
        try
        {
            await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, context.RequestAborted);
            foreach (var (document, version) in files)
            {
                var entryName = document.FolderId is { } folder && folderNames.TryGetValue(folder, out var folderName) ? $"{folderName}/{document.Name}" : document.Name;
                for (var n = 2; !names.Add(entryName); n++)
                {
                    entryName = FileNames.Numbered(entryName, n);
                }

                // Documents are mostly already compressed (PDF, images, Office): store them as they are.
                var entry = zip.CreateEntry(entryName, CompressionLevel.NoCompression);
                entry.LastWriteTime = version.UploadedAt;
                await using var target = await entry.OpenAsync(context.RequestAborted);
                await using var source = await blobs.OpenReadAsync(version.BlobKey, version.Sha256, context.RequestAborted);
                await source.CopyToAsync(target, 81920, context.RequestAborted);
            }
        }
        catch (BlobIntegrityException ex)
        {
            logger.LogError(ex, "A document failed its integrity check while being zipped");
            await audit.RecordAsync(new AuditEntry(DocumentAuditActions.IntegrityFailed, AuditTargetTypes.Client, rights.ClientId.ToString(), "while zipping"), CancellationToken.None);
            context.Abort();
            return;
        }

        foreach (var group in files.GroupBy(f => f.Document.Id))
        {
            await AfterDownloadAsync(context.User, group.First().Document, group.Select(g => g.Version).ToList(), rights);
        }
    }

    public static void SetAttachmentHeaders(HttpResponse response, string fileName)
    {
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.ContentType = "application/octet-stream";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
    }

    private async Task<bool> VerifyAsync(DocumentVersion version, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await blobs.OpenReadAsync(version.BlobKey, version.Sha256, cancellationToken);
            await stream.CopyToAsync(Stream.Null, 81920, cancellationToken);
            return true;
        }
        catch (BlobIntegrityException ex)
        {
            logger.LogError(ex, "Document version {VersionId} failed its integrity check", version.Id);
            return false;
        }
    }

    private async Task AfterDownloadAsync(ClaimsPrincipal user, Document document, IReadOnlyList<DocumentVersion> versions, ClientDocumentRights rights, bool marksDownloaded = true)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = user.IdOf();
        if (!marksDownloaded)
        {
            // Only the audit entry below.
        }
        else if (rights.IsStaff)
        {
            var ids = versions.Where(v => v.Direction == TransferDirection.FromClient && v.StaffDownloadedAt is null).Select(v => v.Id).ToList();
            if (ids.Count > 0)
            {
                await db.Versions.Where(v => ids.Contains(v.Id) && v.StaffDownloadedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(v => v.StaffDownloadedAt, now).SetProperty(v => v.StaffDownloadedBy, userId), CancellationToken.None);
            }
        }
        else
        {
            var ids = versions.Where(v => v.Direction == TransferDirection.ToClient && v.ClientDownloadedAt is null).Select(v => v.Id).ToList();
            if (ids.Count > 0)
            {
                await db.Versions.Where(v => ids.Contains(v.Id) && v.ClientDownloadedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(v => v.ClientDownloadedAt, now).SetProperty(v => v.ClientDownloadedBy, userId), CancellationToken.None);
            }
        }

        await audit.RecordAsync(new AuditEntry(DocumentAuditActions.Downloaded, AuditTargetTypes.Document, document.Id.ToString(), $"{document.Name} v{string.Join(",", versions.Select(v => v.Number))}"), CancellationToken.None);
    }
}

public enum DownloadOutcome
{
    Sent,
    Damaged,
}
