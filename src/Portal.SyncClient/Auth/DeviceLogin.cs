using System.Net.Http.Json;
using System.Text.Json.Serialization;
using PortalSync.Hosting;
using PortalSync.Storage;
using Spectre.Console;

namespace PortalSync.Auth;

/// <summary>The device authorization grant (RFC 8628) for a machine without a browser.</summary>
internal sealed class DeviceLogin(ClientEnvironment environment, HttpClient http)
{
    public async Task<TokenResponse> AuthorizeAsync(Uri portal, DiscoveryDocument discovery, CancellationToken cancellationToken)
    {
        var endpoint = discovery.DeviceAuthorizationEndpoint ?? new Uri(portal, "connect/device");
        using var response = await http.PostAsync(endpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = OAuthClient.ClientId,
            ["scope"] = OAuthClient.Scopes,
            ["device_name"] = environment.DeviceName,
        }), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new FatalException($"The portal does not offer sign-in by code ({(int)response.StatusCode}); use portal-sync login without --device.");
        }

        var device = await response.Content.ReadFromJsonAsync<DeviceAuthorization>(JsonFiles.Options, cancellationToken);
        if (device?.DeviceCode is null || device.UserCode is null || device.VerificationUri is null)
        {
            throw new FatalException("The portal's answer to sign-in by code could not be read.");
        }

        environment.Console.MarkupLine($"On any device, open [bold]{Markup.Escape(device.VerificationUri)}[/] and enter the code [bold]{Markup.Escape(device.UserCode)}[/]");
        if (device.VerificationUriComplete is { } complete)
        {
            environment.Console.WriteLine($"(or open {complete})");
        }

        var interval = TimeSpan.FromSeconds(Math.Max(1, device.Interval ?? 5));
        var expires = environment.Clock.GetUtcNow().AddSeconds(device.ExpiresIn ?? 600);
        while (environment.Clock.GetUtcNow() < expires)
        {
            await Task.Delay(interval, environment.Clock, cancellationToken);
            var answer = await new TokenEndpoint(http).PostAsync(discovery.TokenEndpoint!, new()
            {
                ["grant_type"] = OAuthClient.DeviceCodeGrant,
                ["device_code"] = device.DeviceCode,
            }, cancellationToken);
            switch (answer.Error)
            {
                case null:
                    return answer;
                case "authorization_pending":
                    continue;
                case "slow_down":
                    interval += TimeSpan.FromSeconds(5);
                    continue;
                case "access_denied":
                    throw new FatalException("The connection was denied.");
                case "expired_token":
                    throw new FatalException("The code expired before it was approved; run portal-sync login --device again.");
                default:
                    throw new FatalException($"The portal refused the connection ({answer.Error}).");
            }
        }

        throw new FatalException("The code expired before it was approved; run portal-sync login --device again.");
    }

    private sealed record DeviceAuthorization
    {
        [JsonPropertyName("device_code")]
        public string? DeviceCode { get; init; }

        [JsonPropertyName("user_code")]
        public string? UserCode { get; init; }

        [JsonPropertyName("verification_uri")]
        public string? VerificationUri { get; init; }

        [JsonPropertyName("verification_uri_complete")]
        public string? VerificationUriComplete { get; init; }

        [JsonPropertyName("expires_in")]
        public int? ExpiresIn { get; init; }

        [JsonPropertyName("interval")]
        public int? Interval { get; init; }
    }
}
