namespace PortalSync.Storage;

/// <summary>The approved connection to one portal: its endpoints and the newest tokens.</summary>
internal sealed record StoredConnection
{
    public required Uri Portal { get; init; }

    public required Uri TokenEndpoint { get; init; }

    public Uri? RevocationEndpoint { get; init; }

    public required string AccessToken { get; init; }

    public required string RefreshToken { get; init; }

    public DateTimeOffset AccessTokenExpiresAt { get; init; }

    public string? PracticeName { get; init; }

    public string? ApprovedBy { get; init; }

    public string? DeviceName { get; init; }

    public DateTimeOffset ConnectedAt { get; init; }
}
