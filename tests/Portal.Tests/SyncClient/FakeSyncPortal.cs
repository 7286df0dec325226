using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Portal.Tests.SyncProgram;

/// <summary>
/// An in-test stand-in for the sync API of docs/api.md (batches, tus uploads, new files, change feed,
/// token refresh), for unit tests of portal-sync's batching, state and resuming while the real
/// endpoints are being built. It can fail requests before or after handling them (a dropped network),
/// answer some itself, and hold a request until something else happened (uploads beside batches). It
/// handles one request at a time, as a database would serialize them; holding happens before that.
/// </summary>
internal sealed class FakeSyncPortal : HttpMessageHandler
{
    /// <summary>How long a held request waits for what it waits for before the test gives up.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, Upload> _uploads = [];
    private readonly SemaphoreSlim _handling = new(1, 1);
    private readonly List<string> _timeline = [];
    private readonly List<(Func<IReadOnlyList<string>, bool> Condition, TaskCompletionSource Met)> _waiters = [];
    private int _tokens = 1;
    private int _sequence;

    public Uri Address { get; } = new("http://fake-practice.test/");

    public string AccessToken { get; private set; } = "access-1";

    public string RefreshToken { get; private set; } = "refresh-1";

    public bool Revoked { get; set; }

    /// <summary>The kinds whoami says the practice takes; a batch of another kind is not found (404), as when its feature is off.</summary>
    public List<string> Kinds { get; } = ["contacts", "invoices", "payments", "projects", "documents"];

    /// <summary>What whoami says of uploads beside batches (a PostgreSQL portal's answer unless a test changes it).</summary>
    public bool UploadsBesideBatches { get; set; } = true;

    /// <summary>kind -> external id -> the item's JSON as last stored.</summary>
    public Dictionary<string, Dictionary<string, string>> Stored { get; } = [];

    /// <summary>kind:externalId -> how many times it was created (more than 1 is a duplicate).</summary>
    public Dictionary<string, int> Creations { get; } = [];

    public List<(string Kind, int Count)> Batches { get; } = [];

    public List<string> Requests { get; } = [];

    public Dictionary<string, byte[]> Contents { get; } = [];

    public long BytesReceived { get; private set; }

    /// <summary>Uploads whose creation carried their first bytes.</summary>
    public int CreatedWithBytes { get; private set; }

    public List<NewFile> NewFiles { get; } = [];

    public HashSet<string> Downloaded { get; } = [];

    public List<JsonObject> Events { get; } = [];

    /// <summary>Awaited as a request arrives, before anything else (the request, its cancellation): holds it until something happened.</summary>
    public Func<HttpRequestMessage, CancellationToken, Task>? Before { get; set; }

    /// <summary>Answers a request instead of the portal (null: the portal answers).</summary>
    public Func<HttpRequestMessage, HttpResponseMessage?>? Answer { get; set; }

    /// <summary>Fails a request before the portal sees it (request, its sequence number).</summary>
    public Func<HttpRequestMessage, int, bool>? Down { get; set; }

    /// <summary>Handles a request, then loses the answer on the way back.</summary>
    public Func<HttpRequestMessage, int, bool>? LoseAnswer { get; set; }

    /// <summary>What happened, in order: "&gt; METHOD /path" as a request arrives, "&lt; METHOD /path status" as it is answered.</summary>
    public IReadOnlyList<string> Timeline
    {
        get
        {
            lock (_timeline)
            {
                return [.. _timeline];
            }
        }
    }

    public void ExpireAccessToken() => AccessToken = "expired-" + Guid.NewGuid();

    /// <summary>Completes once <paramref name="condition"/> holds of the timeline: checked as each request arrives and is answered, never by polling.</summary>
    public Task When(Func<IReadOnlyList<string>, bool> condition)
    {
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_timeline)
        {
            if (condition(_timeline))
            {
                met.SetResult();
            }
            else
            {
                _waiters.Add((condition, met));
            }
        }

        return met.Task;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var path = request.RequestUri!.AbsolutePath;
        lock (Requests)
        {
            Requests.Add($"{request.Method} {path}");
        }

        Happened($"> {request.Method} {path}");
        if (Before is { } before)
        {
            await before(request, cancellationToken);
        }

        if (Down?.Invoke(request, sequence) == true)
        {
            Happened($"< {request.Method} {path} down");
            throw new HttpRequestException("The network is down (test).");
        }

        HttpResponseMessage response;
        await _handling.WaitAsync(cancellationToken);
        try
        {
            response = Answer?.Invoke(request) ?? await HandleAsync(request, path, cancellationToken);
        }
        finally
        {
            _handling.Release();
        }

        Happened($"< {request.Method} {path} {(int)response.StatusCode}");
        if (LoseAnswer?.Invoke(request, sequence) == true)
        {
            throw new HttpRequestException("The answer was lost (test).");
        }

        response.RequestMessage = request;
        return response;
    }

    private void Happened(string entry)
    {
        lock (_timeline)
        {
            _timeline.Add(entry);
            foreach (var waiter in _waiters.Where(w => w.Condition(_timeline)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Met.SetResult();
            }
        }
    }

    // Shared by every HttpClient of a test: an HttpClient disposing it must not end it.
    protected override void Dispose(bool disposing) => base.Dispose(false);

    private async Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request, string path, CancellationToken cancellationToken)
    {
        if (path == "/connect/token")
        {
            var form = (await request.Content!.ReadAsStringAsync(cancellationToken)).Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
            if (Revoked || form["refresh_token"] != RefreshToken)
            {
                return Json(HttpStatusCode.BadRequest, new JsonObject { ["error"] = "invalid_grant" });
            }

            _tokens++;
            AccessToken = $"access-{_tokens}";
            RefreshToken = $"refresh-{_tokens}";
            return Json(HttpStatusCode.OK, new JsonObject { ["access_token"] = AccessToken, ["refresh_token"] = RefreshToken, ["expires_in"] = 1800, ["token_type"] = "Bearer" });
        }

        if (request.Headers.Authorization?.Parameter != AccessToken || Revoked)
        {
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        }

        var segments = path.Trim('/').Split('/');
        return (request.Method.Method, segments) switch
        {
            ("GET", ["api", "v1", "whoami"]) => Json(HttpStatusCode.OK, new JsonObject
            {
                ["practice"] = "Fake practice",
                ["subject"] = "1",
                ["name"] = "Sam Owner",
                ["scopes"] = new JsonArray("sync"),
                ["kinds"] = new JsonArray([.. Kinds.Select(k => (JsonNode)k)]),
                ["uploadsBesideBatches"] = UploadsBesideBatches,
            }),
            ("POST", ["api", "v1", var kind, "batch"]) when !Kinds.Contains(kind) => new HttpResponseMessage(HttpStatusCode.NotFound),
            ("POST", ["api", "v1", var kind, "batch"]) => Batch(kind, JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!["items"]!.AsArray()),
            ("POST", ["api", "v1", "uploads"]) => await CreateUploadAsync(request, cancellationToken),
            ("HEAD", ["api", "v1", "uploads", var id]) => _uploads.TryGetValue(id, out var upload) ? Offset(HttpStatusCode.OK, upload) : new HttpResponseMessage(HttpStatusCode.NotFound),
            ("PATCH", ["api", "v1", "uploads", var id]) => await AppendAsync(request, id, cancellationToken),
            ("GET", ["api", "v1", "documents", "new"]) => Json(HttpStatusCode.OK, new JsonObject
            {
                ["items"] = new JsonArray([.. NewFiles.Where(f => !Downloaded.Contains(f.VersionId)).Select(f => (JsonNode)new JsonObject
                {
                    ["clientId"] = "c-" + f.ClientExternalId, ["clientExternalId"] = f.ClientExternalId, ["documentId"] = "d-" + f.VersionId, ["versionId"] = f.VersionId,
                    ["fileName"] = f.FileName, ["folder"] = f.Folder, ["length"] = f.Content.Length, ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(f.Content)),
                })]),
            }),
            ("GET", ["api", "v1", "documents", "versions", var version, "content"]) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(NewFiles.Single(f => f.VersionId == version).Served) },
            ("POST", ["api", "v1", "documents", "downloaded"]) => MarkDownloaded(JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!["versionIds"]!.AsArray()),
            ("GET", ["api", "v1", "changes"]) => Changes(request.RequestUri!),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        };
    }

    private HttpResponseMessage Batch(string kind, JsonArray items)
    {
        lock (Batches)
        {
            Batches.Add((kind, items.Count));
        }

        if (!Stored.TryGetValue(kind, out var stored))
        {
            Stored[kind] = stored = [];
        }

        var seen = new HashSet<string>();
        var results = new JsonArray();
        foreach (var item in items.Select(i => i!.AsObject()))
        {
            var id = item["externalId"]!.GetValue<string>();
            if (!seen.Add(id))
            {
                results.Add(Error(id, "externalId", "duplicate-external-id", "Repeated."));
                continue;
            }

            if (item["deleted"] is not null)
            {
                results.Add(new JsonObject { ["externalId"] = id, ["status"] = stored.Remove(id) ? "deleted" : "unchanged" });
                continue;
            }

            if (item["clientExternalId"]?.GetValue<string>() is { } client && !(Stored.GetValueOrDefault("contacts")?.ContainsKey(client) ?? false))
            {
                results.Add(Error(id, "clientExternalId", "client-not-found", $"No contact {client}."));
                continue;
            }

            if (kind == "documents")
            {
                var sha = item["sha256"]!.GetValue<string>();
                stored[id] = item.ToJsonString();
                var has = Contents.TryGetValue(id, out var content) && Convert.ToHexStringLower(SHA256.HashData(content)) == sha;
                results.Add(has ? new JsonObject { ["externalId"] = id, ["status"] = "unchanged" } : new JsonObject { ["externalId"] = id, ["status"] = "upload", ["upload"] = new JsonObject { ["url"] = "/api/v1/uploads" } });
                continue;
            }

            var json = item.ToJsonString();
            var status = !stored.TryGetValue(id, out var before) ? "created" : before == json ? "unchanged" : "updated";
            if (status == "created")
            {
                Creations[$"{kind}:{id}"] = Creations.GetValueOrDefault($"{kind}:{id}") + 1;
            }

            stored[id] = json;
            results.Add(new JsonObject { ["externalId"] = id, ["status"] = status, ["id"] = Guid.NewGuid().ToString() });
        }

        var statuses = results.Select(r => r!["status"]!.GetValue<string>()).ToList();
        return Json(HttpStatusCode.OK, new JsonObject
        {
            ["created"] = statuses.Count(s => s == "created"),
            ["updated"] = statuses.Count(s => s == "updated"),
            ["unchanged"] = statuses.Count(s => s == "unchanged"),
            ["deleted"] = statuses.Count(s => s == "deleted"),
            ["failed"] = statuses.Count(s => s == "error"),
            ["results"] = results,
        });
    }

    /// <summary>As the portal: a body typed application/offset+octet-stream is the upload's first bytes (creation-with-upload).</summary>
    private async Task<HttpResponseMessage> CreateUploadAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var metadata = request.Headers.GetValues("Upload-Metadata").Single().Split(' ');
        var id = Guid.NewGuid().ToString("N");
        var upload = _uploads[id] = new Upload(Encoding.UTF8.GetString(Convert.FromBase64String(metadata[1])), long.Parse(request.Headers.GetValues("Upload-Length").Single(), System.Globalization.CultureInfo.InvariantCulture));
        if (request.Content?.Headers.ContentType?.MediaType == "application/offset+octet-stream")
        {
            CreatedWithBytes++;
            await TakeAsync(request, id, upload, cancellationToken);
        }

        var response = Offset(HttpStatusCode.Created, upload);
        response.Headers.Location = new Uri($"/api/v1/uploads/{id}", UriKind.Relative);
        return response;
    }

    private async Task<HttpResponseMessage> AppendAsync(HttpRequestMessage request, string id, CancellationToken cancellationToken)
    {
        if (!_uploads.TryGetValue(id, out var upload))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var offset = long.Parse(request.Headers.GetValues("Upload-Offset").Single(), System.Globalization.CultureInfo.InvariantCulture);
        if (offset != upload.Data.Length)
        {
            return Offset(HttpStatusCode.Conflict, upload);
        }

        return await TakeAsync(request, id, upload, cancellationToken) ? Offset(HttpStatusCode.NoContent, upload) : new HttpResponseMessage((HttpStatusCode)460);
    }

    /// <returns>false when the bytes do not match their checksum (nothing is kept).</returns>
    private async Task<bool> TakeAsync(HttpRequestMessage request, string id, Upload upload, CancellationToken cancellationToken)
    {
        var chunk = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        if (request.Headers.GetValues("Upload-Checksum").Single() != "sha256 " + Convert.ToBase64String(SHA256.HashData(chunk)))
        {
            return false;
        }

        upload.Data.Write(chunk);
        BytesReceived += chunk.Length;
        if (upload.Data.Length == upload.Length)
        {
            Contents[upload.DocumentExternalId] = upload.Data.ToArray();
            _uploads.Remove(id);
        }

        return true;
    }

    private HttpResponseMessage MarkDownloaded(JsonArray versions)
    {
        var marked = versions.Count(v => Downloaded.Add(v!.GetValue<string>()));
        return Json(HttpStatusCode.OK, new JsonObject { ["marked"] = marked });
    }

    private HttpResponseMessage Changes(Uri uri)
    {
        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        var after = query.TryGetValue("cursor", out var cursor) ? int.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var limit = int.Parse(query["limit"], System.Globalization.CultureInfo.InvariantCulture);
        var page = Events.Skip(after).Take(limit).Select((e, i) =>
        {
            var copy = e.DeepClone().AsObject();
            copy["cursor"] = (after + i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (JsonNode)copy;
        }).ToList();
        var next = after + page.Count;
        return Json(HttpStatusCode.OK, new JsonObject { ["items"] = new JsonArray([.. page]), ["next"] = next.ToString(System.Globalization.CultureInfo.InvariantCulture), ["hasMore"] = next < Events.Count });
    }

    private static JsonObject Error(string id, string field, string code, string message)
        => new() { ["externalId"] = id, ["status"] = "error", ["errors"] = new JsonArray(new JsonObject { ["field"] = field, ["code"] = code, ["message"] = message }) };

    private static HttpResponseMessage Offset(HttpStatusCode status, Upload upload)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.Add("Upload-Offset", upload.Data.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    private static HttpResponseMessage Json(HttpStatusCode status, JsonNode body)
        => new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

    private sealed record Upload(string DocumentExternalId, long Length)
    {
        public MemoryStream Data { get; } = new();
    }

    /// <param name="Served">What the portal sends (the content, or damaged bytes).</param>
    public sealed record NewFile(string VersionId, string ClientExternalId, string Folder, string FileName, byte[] Content, byte[] Served);
}
