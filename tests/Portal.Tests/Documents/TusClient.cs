using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Tests.Documents;

/// <summary>A minimal tus 1.0 client over the test HttpClient, speaking the protocol as a browser uploader would.</summary>
public sealed class TusClient(HttpClient http)
{
    public HttpClient Http => http;

    public Task<byte[]> DownloadAsync(string versionId) => http.GetByteArrayAsync($"documents/versions/{versionId}/download");

    /// <summary>tus creation-with-upload: the creation carries <paramref name="bytes"/> as its first bytes.</summary>
    public Task<HttpResponseMessage> CreateWithBytesAsync(long length, string fileName, Guid clientId, byte[] bytes, string? checksum)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/offset+octet-stream");
        return CreateAsync(length, fileName, clientId, content: content, checksum: checksum);
    }

    public async Task<HttpResponseMessage> CreateAsync(long length, string fileName, Guid clientId, Guid? folderId = null, Guid? batchId = null, HttpContent? content = null, string? checksum = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "uploads") { Content = content };
        if (checksum is not null)
        {
            request.Headers.Add("Upload-Checksum", checksum);
        }

        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Length", length.ToString(CultureInfo.InvariantCulture));
        var metadata = $"filename {B64(fileName)},clientId {B64(clientId.ToString())}";
        if (folderId is { } folder)
        {
            metadata += $",folderId {B64(folder.ToString())}";
        }

        if (batchId is { } batch)
        {
            metadata += $",batchId {B64(batch.ToString())}";
        }

        request.Headers.Add("Upload-Metadata", metadata);
        return await http.SendAsync(request);
    }

    public async Task<string> CreateLocationAsync(long length, string fileName, Guid clientId, Guid? folderId = null, Guid? batchId = null)
    {
        var response = await CreateAsync(length, fileName, clientId, folderId, batchId);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating the upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return Relative(response.Headers.Location!);
    }

    public async Task<HttpResponseMessage> HeadAsync(string location)
    {
        var request = new HttpRequestMessage(HttpMethod.Head, location);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        return await http.SendAsync(request);
    }

    public async Task<long> OffsetAsync(string location)
    {
        var response = await HeadAsync(location);
        return response.StatusCode == HttpStatusCode.OK
            ? long.Parse(response.Headers.GetValues("Upload-Offset").Single(), CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"HEAD answered {(int)response.StatusCode}");
    }

    /// <summary>The offset, or null while a PATCH holds the upload (409) or on any other answer.</summary>
    public async Task<long?> TryOffsetAsync(string location)
    {
        var response = await HeadAsync(location);
        return response.StatusCode == HttpStatusCode.OK ? long.Parse(response.Headers.GetValues("Upload-Offset").Single(), CultureInfo.InvariantCulture) : null;
    }

    public async Task<HttpResponseMessage> PatchAsync(string location, long offset, HttpContent content, string? checksum = null, string contentType = "application/offset+octet-stream", CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, location) { Content = content };
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (checksum is not null)
        {
            request.Headers.Add("Upload-Checksum", checksum);
        }

        return await http.SendAsync(request, cancellationToken);
    }

    public Task<HttpResponseMessage> PatchAsync(string location, long offset, ReadOnlyMemory<byte> chunk, bool withChecksum = true)
        => PatchAsync(location, offset, new ReadOnlyMemoryContent(chunk), withChecksum ? Checksum(chunk.Span) : null);

    /// <summary>Uploads a whole file in chunks; returns the id of the stored document version.</summary>
    public async Task<Guid> UploadAsync(byte[] content, string fileName, Guid clientId, Guid? folderId = null, int chunk = 3 * 1024 * 1024, Guid? batchId = null)
        => (await UploadWithOutcomeAsync(content, fileName, clientId, folderId, chunk, batchId)).Version;

    /// <summary>As <see cref="UploadAsync"/>, with what the server says the file became (Portal-Upload-Outcome).</summary>
    public async Task<(Guid Version, string Outcome)> UploadWithOutcomeAsync(byte[] content, string fileName, Guid clientId, Guid? folderId = null, int chunk = 3 * 1024 * 1024, Guid? batchId = null)
    {
        var location = await CreateLocationAsync(content.Length, fileName, clientId, folderId, batchId);
        HttpResponseMessage? last = null;
        for (var offset = 0; offset < content.Length; offset += chunk)
        {
            last = await PatchAsync(location, offset, content.AsMemory(offset, Math.Min(chunk, content.Length - offset)));
            if (last.StatusCode != HttpStatusCode.NoContent)
            {
                throw new InvalidOperationException($"PATCH at {offset} answered {(int)last.StatusCode}: {await last.Content.ReadAsStringAsync()}");
            }
        }

        return (Guid.Parse(last!.Headers.GetValues("Portal-Document-Version").Single()), last.Headers.GetValues("Portal-Upload-Outcome").Single());
    }

    public static string Checksum(ReadOnlySpan<byte> chunk) => "sha256 " + Convert.ToBase64String(SHA256.HashData(chunk));

    public static string B64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));

    /// <summary>Locations include the practice's path base; the client's base address already has it.</summary>
    public string Relative(Uri location)
    {
        var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString;
        var basePath = http.BaseAddress!.AbsolutePath;
        return path.StartsWith(basePath, StringComparison.Ordinal) ? path[basePath.Length..] : path.TrimStart('/');
    }
}
