using System.Net.Http.Json;
using PortalSync.Hosting;
using PortalSync.Storage;

namespace PortalSync.Auth;

/// <summary>The form posts to connect/token and connect/revoke.</summary>
internal sealed class TokenEndpoint(HttpClient http)
{
    public async Task<TokenResponse> PostAsync(Uri endpoint, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        form["client_id"] = OAuthClient.ClientId;
        using var response = await http.PostAsync(endpoint, new FormUrlEncodedContent(form), cancellationToken);
        var media = response.Content.Headers.ContentType?.MediaType ?? "";
        if (!media.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new FatalException($"The portal answered {(int)response.StatusCode} at {endpoint.AbsolutePath}; try again later.");
        }

        var answer = await response.Content.ReadFromJsonAsync<TokenResponse>(JsonFiles.Options, cancellationToken) ?? new TokenResponse();
        if (response.IsSuccessStatusCode && answer.AccessToken is null && answer.Error is null)
        {
            throw new FatalException("The portal's answer held no token.");
        }

        return answer;
    }

    public async Task RevokeAsync(Uri endpoint, string token, string hint, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(endpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["token_type_hint"] = hint,
            ["client_id"] = OAuthClient.ClientId,
        }), cancellationToken);
        // RFC 7009: 200 also for a token already invalid; anything else means the portal kept it.
        if (!response.IsSuccessStatusCode)
        {
            throw new FatalException($"The portal did not revoke the connection ({(int)response.StatusCode}); try again.");
        }
    }

    public static StoredConnection Rotate(StoredConnection connection, TokenResponse answer, DateTimeOffset now) => connection with
    {
        AccessToken = answer.AccessToken!,
        // Keep only the newest refresh token: the portal spends the old one on every refresh.
        RefreshToken = answer.RefreshToken ?? connection.RefreshToken,
        AccessTokenExpiresAt = now.AddSeconds(answer.ExpiresIn ?? 1800),
    };
}
