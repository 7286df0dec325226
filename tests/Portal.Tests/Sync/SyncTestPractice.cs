using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Clients.Models;
using Portal.Clients.Services;
using Portal.Core.Contracts;
using Portal.Core.Modules;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Sync;

/// <summary>portal-sync's side of the sync API in tests: a practice with Billing and Documents on, its token, batches and tus uploads by external id.</summary>
internal sealed class SyncTestPractice(PortalApplication app, TenantDescriptor practice, PortalUser admin, HttpClient http, string token)
{
    public PortalApplication App => app;

    public TenantDescriptor Practice => practice;

    public PortalUser Admin => admin;

    public HttpClient Http => http;

    public string Token => token;

    public static async Task<SyncTestPractice> ConnectAsync(PortalApplication app)
    {
        var practice = await app.CreatePracticeAsync();
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TenantFeatures>().EnableAsync(["Portal.Documents", "Portal.Billing"], default));
        practice = app.Get<TenantRegistry>().Find(practice.Name)!;
        var admin = await app.AddAdministratorAsync(practice);
        var program = app.ClientFor(practice);
        var tokens = await SyncOAuth.LoginAsync(await app.SignedInClientAsync(practice, admin), program);
        return new SyncTestPractice(app, practice, admin, program, tokens.GetProperty("access_token").GetString()!);
    }

    /// <summary>A client with the program's external id, made through the Clients module (as the contacts batch would).</summary>
    public Task<Guid> AddClientAsync(string externalId, string name, params (Guid UserId, ClientAccessLevel Access)[] users)
        => app.InPracticeAsync(practice, async sp =>
        {
            var id = await ClientsFixtures.CreateClientInPortalAsync(sp, name, users);
            var updated = await sp.GetRequiredService<ClientStore>().UpdateAsync(id, new ClientInput(ClientKind.Individual, name, [], null, null, externalId, null));
            Assert.True(updated.Value is not null, "the client's external id was not kept");
            return id;
        });

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, string? bearer = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer ?? token);
        return await http.SendAsync(request);
    }

    public async Task<JsonElement> BatchAsync(string kind, params object[] items)
    {
        using var response = await SendAsync(HttpMethod.Post, $"api/v1/{kind}/batch", JsonContent.Create(new { items }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static JsonElement Result(JsonElement batch, int index) => batch.GetProperty("results")[index];

    public static string Status(JsonElement batch, int index) => Result(batch, index).GetProperty("status").GetString()!;

    /// <summary>The one error of a failed item, as "field code".</summary>
    public static string Error(JsonElement batch, int index)
    {
        var errors = Result(batch, index).GetProperty("errors");
        return string.Join("; ", errors.EnumerateArray().Select(e => $"{e.GetProperty("field").GetString()} {e.GetProperty("code").GetString()}"));
    }

    public async Task<HttpResponseMessage> CreateUploadAsync(long length, string? documentExternalId, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/uploads");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer ?? token);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Length", length.ToString(CultureInfo.InvariantCulture));
        if (documentExternalId is not null)
        {
            request.Headers.Add("Upload-Metadata", $"documentExternalId {TusClient.B64(documentExternalId)}");
        }

        return await http.SendAsync(request);
    }

    /// <summary>Uploads the content in two chunks (the second resumed from HEAD's offset); returns the completing PATCH's outcome and version.</summary>
    public async Task<(string Outcome, Guid Version)> UploadAsync(string documentExternalId, byte[] content)
    {
        using var created = await CreateUploadAsync(content.Length, documentExternalId);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var location = created.Headers.Location!.OriginalString;
        Assert.Contains("/api/v1/uploads/", location, StringComparison.Ordinal);
        location = location[(location.IndexOf("api/v1/uploads/", StringComparison.Ordinal))..];

        var half = content.Length / 2;
        using (var first = await PatchAsync(location, 0, content.AsMemory(0, half)))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        var head = new HttpRequestMessage(HttpMethod.Head, location);
        head.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        head.Headers.Add("Tus-Resumable", "1.0.0");
        using var offset = await http.SendAsync(head);
        Assert.Equal(HttpStatusCode.OK, offset.StatusCode);
        var resumeAt = int.Parse(offset.Headers.GetValues("Upload-Offset").Single(), CultureInfo.InvariantCulture);
        Assert.Equal(half, resumeAt);

        using var last = await PatchAsync(location, resumeAt, content.AsMemory(resumeAt));
        Assert.True(last.StatusCode == HttpStatusCode.NoContent, await last.Content.ReadAsStringAsync());
        return (last.Headers.GetValues("Portal-Upload-Outcome").Single(), Guid.Parse(last.Headers.GetValues("Portal-Document-Version").Single()));
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private async Task<HttpResponseMessage> PatchAsync(string location, long offset, ReadOnlyMemory<byte> chunk)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, location) { Content = new ReadOnlyMemoryContent(chunk) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("Upload-Checksum", TusClient.Checksum(chunk.Span));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        return await http.SendAsync(request);
    }
}
