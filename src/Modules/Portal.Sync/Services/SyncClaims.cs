namespace Portal.Sync.Services;

/// <summary>Claims the portal puts in the tokens it issues.</summary>
public static class SyncClaims
{
    /// <summary>
    /// The practice that issued the token. Tokens already live in the practice's database and are
    /// protected with a practice-specific key purpose; the API checks this as well, so a token can
    /// only ever act for the practice that issued it.
    /// </summary>
    public const string Practice = "portal_practice";

    /// <summary>The name a machine gave when it asked for a device code (kept with the codes, never in access tokens).</summary>
    public const string DeviceName = "portal_device_name";

    /// <summary>The address a machine asked for a device code from.</summary>
    public const string DeviceIp = "portal_device_ip";

    /// <summary>
    /// The connection (authorization id) a device flow's approval made, kept in the device code: the
    /// tokens redeemed with it are tied to that connection, so Revoke on Connected apps reaches them.
    /// </summary>
    public const string Connection = "portal_connection";
}
