namespace Portal.Core.Links;

public enum OneTimeLinkStatus
{
    Valid,

    /// <summary>Unknown token, or a token of another purpose.</summary>
    Invalid,

    /// <summary>Past its expiry, or revoked (a newer link replaced it).</summary>
    Expired,

    Used,
}
