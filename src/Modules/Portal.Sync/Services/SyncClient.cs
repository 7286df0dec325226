namespace Portal.Sync.Services;

/// <summary>The one public client every practice knows: the portal-sync desktop program.</summary>
public static class SyncClient
{
    public const string ClientId = "portal-sync";

    public const string DisplayName = "Portal Sync (desktop program)";

    /// <summary>
    /// Registered without a port: RFC 8252 s7.3 lets a native app listen on any free loopback port, so
    /// only the port may differ from this (LoopbackRedirectUris).
    /// </summary>
    public const string RedirectUri = "http://127.0.0.1/callback";
}
