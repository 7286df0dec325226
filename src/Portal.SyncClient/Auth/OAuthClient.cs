namespace PortalSync.Auth;

internal static class OAuthClient
{
    public const string ClientId = "portal-sync";
    public const string Scopes = "sync offline_access";
    public const string DeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";
}
