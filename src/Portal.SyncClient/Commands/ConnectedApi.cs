using PortalSync.Api;
using PortalSync.Hosting;
using PortalSync.Storage;

namespace PortalSync.Commands;

/// <summary>The API of the portal this computer is connected to.</summary>
internal static class ConnectedApi
{
    public static async Task<(PortalApi Api, HttpClient Http)> OpenAsync(ClientEnvironment environment, ClientFiles files, CancellationToken cancellationToken)
    {
        var connection = await files.RequireConnectionAsync(cancellationToken);
        var http = environment.CreateHttpClient();
        return (new PortalApi(http, files, connection, environment.Clock, environment.Retry), http);
    }
}
