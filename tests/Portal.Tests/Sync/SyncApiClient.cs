using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Modules;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Sync;

/// <summary>portal-sync on the wire after login: JSON batches and the change feed with its bearer token.</summary>
internal sealed class SyncApiClient(HttpClient http, string accessToken)
{
    public HttpClient Http => http;

    public string AccessToken => accessToken;

    /// <summary>A practice with the features the sync API feeds on, its administrator, and a program logged in as them.</summary>
    public static async Task<(TenantDescriptor Practice, PortalUser Admin, SyncApiClient Api)> StartAsync(PortalApplication app, params string[] features)
    {
        var practice = await app.CreatePracticeAsync();
        if (features.Length > 0)
        {
            await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TenantFeatures>().EnableAsync(features, default));
            practice = app.Get<TenantRegistry>().Find(practice.Name)!;
        }

        var admin = await app.AddAdministratorAsync(practice);
        return (practice, admin, await LoginAsync(app, practice, admin));
    }

    public static async Task<SyncApiClient> LoginAsync(PortalApplication app, TenantDescriptor practice, PortalUser admin)
    {
        var tokens = await SyncOAuth.LoginAsync(await app.SignedInClientAsync(practice, admin), app.ClientFor(practice));
        return new SyncApiClient(app.ClientFor(practice), tokens.GetProperty("access_token").GetString()!);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json"),
        };
        return await SendAsync(request);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
        => await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>A batch that must be answered 200; returns its body.</summary>
    public async Task<JsonElement> BatchAsync(string kind, params object[] items)
    {
        var (status, body) = await PostAsync($"api/v1/{kind}/batch", new { items });
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body}");
        return body;
    }

    public static string[] Statuses(JsonElement batch) => [.. batch.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()!)];

    public static JsonElement Result(JsonElement batch, int index) => batch.GetProperty("results")[index];

    public static (string Field, string Code) Error(JsonElement result, int index = 0)
    {
        var error = result.GetProperty("errors")[index];
        return (error.GetProperty("field").GetString()!, error.GetProperty("code").GetString()!);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
        }
    }
}
