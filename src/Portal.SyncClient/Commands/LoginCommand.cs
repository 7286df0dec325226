using System.ComponentModel;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PortalSync.Api;
using PortalSync.Auth;
using PortalSync.Hosting;
using PortalSync.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PortalSync.Commands;

/// <summary>portal-sync login &lt;portal address&gt; [--device]: asks the practice to approve this computer.</summary>
internal sealed class LoginCommand(ClientEnvironment environment) : PortalSyncCommand<LoginCommand.Settings>(environment)
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<address>")]
        [Description("The practice's portal address, e.g. https://yourpractice.example.com")]
        public string Address { get; init; } = "";

        [CommandOption("--no-browser")]
        [Description("Print the approval address instead of opening the browser (to open it on this computer yourself).")]
        public bool NoBrowser { get; init; }

        [CommandOption("--device")]
        [Description("Sign in with a code on another device (for a computer without a browser).")]
        public bool Device { get; init; }
    }

    protected override async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        var portal = PortalAddress.Parse(settings.Address);
        using var http = Environment.CreateHttpClient();
        var discovery = await DiscoveryDocument.FetchAsync(http, portal, cancellationToken);
        var tokens = settings.Device
            ? await new DeviceLogin(Environment, http).AuthorizeAsync(portal, discovery, cancellationToken)
            : await new BrowserLogin(Environment, http).AuthorizeAsync(portal, discovery, openBrowser: !settings.NoBrowser, cancellationToken);
        if (tokens.RefreshToken is null)
        {
            throw new FatalException("The portal gave no refresh token; run portal-sync login again.");
        }

        var me = await WhoAmIAsync(http, portal, tokens.AccessToken!, cancellationToken);
        var connection = new StoredConnection
        {
            Portal = portal,
            TokenEndpoint = discovery.TokenEndpoint!,
            RevocationEndpoint = discovery.RevocationEndpoint ?? new Uri(portal, "connect/revoke"),
            AccessToken = tokens.AccessToken!,
            RefreshToken = tokens.RefreshToken,
            AccessTokenExpiresAt = Environment.Clock.GetUtcNow().AddSeconds(tokens.ExpiresIn ?? 1800),
            PracticeName = me?.Practice,
            ApprovedBy = me?.Name,
            DeviceName = Environment.DeviceName,
            ConnectedAt = Environment.Clock.GetUtcNow(),
        };
        await Files.SaveConnectionAsync(connection, cancellationToken);
        Console.MarkupLineInterpolated($"[green]Connected to {me?.Practice ?? portal.ToString()}[/] (approved by {me?.Name ?? "a staff member"}). Next: portal-sync run --data <practice data file>");
        return ExitCodes.Ok;
    }

    private static async Task<WhoAmI?> WhoAmIAsync(HttpClient http, Uri portal, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(portal, "api/v1/whoami"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<WhoAmI>(JsonFiles.Options, cancellationToken) : null;
    }
}
