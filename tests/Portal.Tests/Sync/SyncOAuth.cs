using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Sync;

/// <summary>What portal-sync does on the wire: PKCE, the authorization request, the consent form, the token calls.</summary>
internal static class SyncOAuth
{
    public const string ClientId = "portal-sync";

    public static string Redirect(int port = 53682, string path = "/callback") => $"http://127.0.0.1:{port}{path}";

    public static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(string redirect, string challenge, string method = "S256", string state = "state-1", string device = "Front desk PC", string scope = "sync offline_access")
    {
        var query = new Dictionary<string, string>
        {
            ["client_id"] = ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirect,
            ["scope"] = scope,
            ["state"] = state,
            ["device_name"] = device,
        };
        if (challenge.Length > 0)
        {
            query["code_challenge"] = challenge;
            query["code_challenge_method"] = method;
        }

        return "admin/connect/authorize?" + string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
    }

    /// <summary>Opens the consent page and presses a button; returns where the browser is sent (the loopback).</summary>
    public static async Task<HttpResponseMessage> DecideAsync(HttpClient browser, string authorizeUrl, string decision)
    {
        var page = await browser.GetDocumentAsync(authorizeUrl);
        var form = page.QuerySelector<IHtmlFormElement>("[data-testid=consent-form]") ?? throw new InvalidOperationException("No consent form.");
        return await browser.PostFormAsync(form, new() { ["decision"] = decision }, authorizeUrl);
    }

    /// <summary>Approves and returns the code the loopback receives.</summary>
    public static async Task<string> ApproveAsync(HttpClient browser, string redirect, string challenge, string device = "Front desk PC")
    {
        var response = await DecideAsync(browser, AuthorizeUrl(redirect, challenge, device: device), "approve");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(redirect + "?", location.ToString(), StringComparison.Ordinal);
        return Query(location)["code"];
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(HttpClient client, Dictionary<string, string> form)
    {
        using var response = await client.PostAsync("connect/token", new FormUrlEncodedContent(form));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> RedeemAsync(HttpClient client, string code, string? verifier, string redirect)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = ClientId,
            ["code"] = code,
            ["redirect_uri"] = redirect,
        };
        if (verifier is not null)
        {
            form["code_verifier"] = verifier;
        }

        return TokenAsync(client, form);
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(HttpClient client, string refreshToken)
        => TokenAsync(client, new() { ["grant_type"] = "refresh_token", ["client_id"] = ClientId, ["refresh_token"] = refreshToken });

    /// <summary>The whole login of portal-sync: approve, redeem; returns the token response.</summary>
    public static async Task<JsonElement> LoginAsync(HttpClient browser, HttpClient program, string device = "Front desk PC")
    {
        var (verifier, challenge) = NewPkce();
        var redirect = Redirect();
        var code = await ApproveAsync(browser, redirect, challenge, device);
        var (status, body) = await RedeemAsync(program, code, verifier, redirect);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body;
    }

    public static async Task<HttpResponseMessage> WhoAmIAsync(HttpClient client, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/whoami");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await client.SendAsync(request);
    }

    public const string DeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";

    /// <summary>portal-sync --device: asks for a device code and the user code a person types.</summary>
    public static async Task<JsonElement> DeviceAuthorizeAsync(HttpClient program, string device = "Server room PC")
    {
        using var response = await program.PostAsync("connect/device", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = ClientId,
            ["scope"] = "sync offline_access",
            ["device_name"] = device,
        }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> PollAsync(HttpClient program, string deviceCode)
        => TokenAsync(program, new() { ["grant_type"] = DeviceCodeGrant, ["client_id"] = ClientId, ["device_code"] = deviceCode });

    /// <summary>Types a user code on the practice admin's device page; returns the page it answers.</summary>
    public static async Task<(HttpStatusCode Status, IHtmlDocument Page)> TypeUserCodeAsync(HttpClient browser, string userCode)
    {
        var entry = await browser.GetDocumentAsync("admin/connect/device");
        var form = entry.QuerySelector<IHtmlFormElement>("[data-testid=user-code-form]") ?? throw new InvalidOperationException("No user code form.");
        using var response = await browser.PostFormAsync(form, new() { ["user_code"] = userCode }, "admin/connect/device");
        return (response.StatusCode, HtmlForms.Parse(await response.Content.ReadAsStringAsync()));
    }

    public static Dictionary<string, string> Query(Uri uri)
        => uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : ""), StringComparer.Ordinal);

    public static string Error(JsonElement body) => body.TryGetProperty("error", out var error) ? error.GetString() ?? "" : "";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
