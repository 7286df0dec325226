using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PortalSync.Api;
using PortalSync.Planning;
using PortalSync.Storage;

namespace PortalSync.Running;

/// <summary>
/// Sends a document's content with tus 1.0.0 at /api/v1/uploads. A file of one chunk goes with the
/// upload's creation. A larger one's Location is kept in the state before its first PATCH and written
/// within a second (<see cref="StateKeeper.SaveSoonAsync"/>), so a run stopped mid-file asks the portal
/// where it got to (HEAD) and goes on from there. Every chunk carries its sha256 (a damaged chunk, 460, is sent again). Several
/// files may go at once with one uploader: each call keeps its own buffer and position.
/// </summary>
internal sealed class TusUploader(PortalApi api, StateKeeper state, RunTally tally)
{
    public const int ChunkSize = 4 * 1024 * 1024;
    private const string TusVersion = "1.0.0";
    private const string OffsetOctetStream = "application/offset+octet-stream";

    /// <returns>true when the portal has the whole file.</returns>
    public async Task<bool> UploadAsync(PlannedItem item, Action<long> sent, CancellationToken cancellationToken)
    {
        var id = item.ExternalId;
        var path = item.Document!.FullPath!;
        for (var start = 0; start < 2; start++)
        {
            var (location, offset) = await ResumeAsync(item, cancellationToken);
            if (location is null)
            {
                (location, offset, var refused) = await CreateAsync(item, path, cancellationToken);
                if (location is null)
                {
                    Fail(id, refused!);
                    return false;
                }

                if (offset == item.FileLength)
                {
                    // The whole file went with the creation: nothing to resume, nothing more to read.
                    sent(offset);
                    await DoneAsync(item, cancellationToken);
                    return true;
                }

                var pending = new PendingUpload(location, item.FileSha256!, item.FileLength, item.Hash);
                await state.SaveSoonAsync(s => s.Uploads[id] = pending, cancellationToken);
            }

            sent(offset);
            var outcome = await SendFromAsync(location, path, offset, item.FileLength, sent, cancellationToken);
            if (outcome is null)
            {
                await DoneAsync(item, cancellationToken);
                return true;
            }

            if (outcome.Gone)
            {
                // Expired or lost on the portal: start the upload again, once.
                await state.ChangeAsync(s => s.Uploads.Remove(id));
                continue;
            }

            Fail(id, outcome);
            return false;
        }

        Fail(id, new Refusal("upload-expired", "The upload kept expiring; the next run tries again.", false));
        return false;
    }

    private async Task DoneAsync(PlannedItem item, CancellationToken cancellationToken)
    {
        await state.SaveSoonAsync(s =>
        {
            s.HashesOf(SyncKinds.Documents)[item.ExternalId] = item.Hash;
            s.Uploads.Remove(item.ExternalId);
        }, cancellationToken);
        tally.FileUploaded();
    }

    private async Task<(Uri? Location, long Offset)> ResumeAsync(PlannedItem item, CancellationToken cancellationToken)
    {
        var pending = await state.ReadAsync(s => s.Uploads.GetValueOrDefault(item.ExternalId), cancellationToken);
        if (pending is null || pending.Sha256 != item.FileSha256 || pending.Length != item.FileLength)
        {
            return (null, 0);
        }

        var offset = await OffsetAsync(pending.Location, cancellationToken);
        return offset is null ? (null, 0) : (pending.Location, offset.Value);
    }

    private async Task<long?> OffsetAsync(Uri location, CancellationToken cancellationToken)
    {
        using var response = await api.SendAsync(() => Tus(HttpMethod.Head, location), cancellationToken);
        return response.IsSuccessStatusCode && long.TryParse(response.Headers.TryGetValues("Upload-Offset", out var values) ? values.FirstOrDefault() : null, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : null;
    }

    /// <summary>
    /// Creates the upload; a file of one chunk goes with it (tus creation-with-upload), so most
    /// documents are one request. A run stopped before the answer has no Location kept and sends
    /// the file again, as it would if stopped before its first PATCH.
    /// </summary>
    /// <returns>The upload and how much of the file it holds, or why it was refused.</returns>
    private async Task<(Uri? Location, long Offset, Refusal? Refused)> CreateAsync(PlannedItem item, string path, CancellationToken cancellationToken)
    {
        var endpoint = api.Resolve("api/v1/uploads");
        var whole = item.FileLength is > 0 and <= ChunkSize ? await ReadWholeAsync(path, item.FileLength, cancellationToken) : null;
        var checksum = whole is null ? null : "sha256 " + Convert.ToBase64String(SHA256.HashData(whole));
        using var response = await api.SendAsync(() =>
        {
            var request = Tus(HttpMethod.Post, endpoint);
            request.Headers.Add("Upload-Length", item.FileLength.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("Upload-Metadata", "documentExternalId " + Convert.ToBase64String(Encoding.UTF8.GetBytes(item.ExternalId)));
            request.Content = new ByteArrayContent(whole ?? []);
            if (whole is not null)
            {
                request.Headers.Add("Upload-Checksum", checksum);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(OffsetOctetStream);
            }

            return request;
        }, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Created && response.Headers.Location is { } location)
        {
            return (location.IsAbsoluteUri ? location : new Uri(endpoint, location), TryOffset(response, out var offset) ? offset : 0, null);
        }

        return (null, 0, await RefusalAsync(response, cancellationToken));
    }

    /// <summary>A small file's bytes, or null when it no longer has the length planned (the PATCHes then say so).</summary>
    private static async Task<byte[]?> ReadWholeAsync(string path, long length, CancellationToken cancellationToken)
    {
        // One byte more than planned is read, to tell a file that grew since; never the whole of it.
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var bytes = new byte[length + 1];
        var read = await file.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, cancellationToken);
        return read == length ? bytes[..read] : null;
    }

    /// <returns>null when the upload is complete, else why not.</returns>
    private async Task<Refusal?> SendFromAsync(Uri location, string path, long offset, long length, Action<long> sent, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        if (file.Length != length)
        {
            return new Refusal("file-changed", $"The file {path} changed while it was being sent; the next run sends the new content.", false);
        }

        var buffer = new byte[ChunkSize];
        var damaged = 0;
        while (offset < length)
        {
            file.Position = offset;
            var count = await file.ReadAtLeastAsync(buffer.AsMemory(0, (int)Math.Min(ChunkSize, length - offset)), (int)Math.Min(ChunkSize, length - offset), throwOnEndOfStream: false, cancellationToken);
            var checksum = "sha256 " + Convert.ToBase64String(SHA256.HashData(buffer.AsSpan(0, count)));
            var at = offset;
            using var response = await api.SendAsync(() =>
            {
                var request = Tus(HttpMethod.Patch, location);
                request.Headers.Add("Upload-Offset", at.ToString(CultureInfo.InvariantCulture));
                request.Headers.Add("Upload-Checksum", checksum);
                request.Content = new ByteArrayContent(buffer, 0, count);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(OffsetOctetStream);
                return request;
            }, cancellationToken);

            if (response.StatusCode == HttpStatusCode.NoContent && TryOffset(response, out var next))
            {
                offset = next;
                sent(offset);

                // A long file writes what was held back for it (its Location) once that is due.
                await state.SaveIfDueAsync(cancellationToken);
                continue;
            }

            if ((int)response.StatusCode == 460 && ++damaged < 5)
            {
                continue;
            }

            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                // Offset mismatch (a retried chunk the portal already kept) or busy: ask where it is.
                var where = await OffsetAsync(location, cancellationToken);
                if (where is null)
                {
                    return new Refusal("upload-not-found", "The upload is no longer on the portal.", true);
                }

                offset = where.Value;
                continue;
            }

            var refused = await RefusalAsync(response, cancellationToken);
            return refused with { Gone = response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone };
        }

        return null;
    }

    private static bool TryOffset(HttpResponseMessage response, out long offset)
    {
        offset = 0;
        return response.Headers.TryGetValues("Upload-Offset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }

    private static HttpRequestMessage Tus(HttpMethod method, Uri uri)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Add("Tus-Resumable", TusVersion);
        return request;
    }

    private static async Task<Refusal> RefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var code = "error";
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (problem.RootElement.ValueKind == JsonValueKind.Object)
            {
                code = problem.RootElement.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : code;
                if (problem.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
                {
                    return new Refusal(code, detail.GetString()!, false);
                }
            }
        }
        catch (JsonException)
        {
        }

        return new Refusal(code, $"The portal answered {(int)response.StatusCode} to the upload.", false);
    }

    private void Fail(string externalId, Refusal refusal)
        => tally.AddError(new RowError(SyncKinds.Documents, externalId, "content", refusal.Code, refusal.Message));

    private sealed record Refusal(string Code, string Message, bool Gone);
}
