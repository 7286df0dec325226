using PortalSync.Auth;
using PortalSync.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PortalSync.Commands;

/// <summary>portal-sync logout: revokes this computer's tokens at the portal, then forgets them.</summary>
internal sealed class LogoutCommand(ClientEnvironment environment) : PortalSyncCommand<LogoutCommand.Settings>(environment)
{
    public sealed class Settings : CommandSettings;

    protected override async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        var connection = await Files.ReadConnectionAsync(cancellationToken);
        if (connection is null)
        {
            Console.MarkupLine("Not connected to a portal.");
            return ExitCodes.Ok;
        }

        using var http = Environment.CreateHttpClient();
        var endpoint = new TokenEndpoint(http);
        var revocation = connection.RevocationEndpoint ?? new Uri(connection.Portal, "connect/revoke");
        // The refresh token ends the connection; the access token too, so it stops at once rather than in 30 minutes.
        await endpoint.RevokeAsync(revocation, connection.RefreshToken, "refresh_token", cancellationToken);
        await endpoint.RevokeAsync(revocation, connection.AccessToken, "access_token", cancellationToken);
        Files.DeleteConnection();
        Console.MarkupLineInterpolated($"Signed out of {connection.Portal}; this computer's connection is revoked.");
        return ExitCodes.Ok;
    }
}
