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
}
