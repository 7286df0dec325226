using System.Net.Http.Json;
using System.Text.Json.Serialization;
using PortalSync.Hosting;
using PortalSync.Storage;

namespace PortalSync.Auth;

/// <summary>The practice's authorization server metadata ({address}/.well-known/openid-configuration).</summary>
internal sealed record DiscoveryDocument
{
    [JsonPropertyName("issuer")]
    public string? Issuer { get; init; }

    [JsonPropertyName("authorization_endpoint")]
    public Uri? AuthorizationEndpoint { get; init; }

    [JsonPropertyName("token_endpoint")]
    public Uri? TokenEndpoint { get; init; }

    [JsonPropertyName("revocation_endpoint")]
    public Uri? RevocationEndpoint { get; init; }

    [JsonPropertyName("device_authorization_endpoint")]
    public Uri? DeviceAuthorizationEndpoint { get; init; }

    public static async Task<DiscoveryDocument> FetchAsync(HttpClient http, Uri portal, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri(portal, ".well-known/openid-configuration"), cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new FatalException($"Could not reach {portal}: {e.Message}");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new FatalException($"{portal} is not a practice's portal address (it answered {(int)response.StatusCode} for its sign-in settings).");
            }

            try
            {
                var document = await response.Content.ReadFromJsonAsync<DiscoveryDocument>(JsonFiles.Options, cancellationToken);
                return document?.TokenEndpoint is null
                    ? throw new FatalException($"{portal} did not describe its sign-in settings.")
                    : document;
            }
            catch (System.Text.Json.JsonException)
            {
                throw new FatalException($"{portal} did not describe its sign-in settings.");
            }
        }
    }
}
