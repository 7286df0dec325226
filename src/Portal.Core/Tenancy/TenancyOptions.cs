namespace Portal.Core.Tenancy;

/// <summary>Configuration section <c>Portal:Tenancy</c>.</summary>
public sealed class TenancyOptions
{
    public const string Section = "Portal:Tenancy";

    /// <summary>Practices are served at <c>{name}.{BaseDomain}</c>. Default <c>localhost</c>.</summary>
    public string BaseDomain { get; set; } = "localhost";

    /// <summary>
    /// The platform's public address, used to build links in e-mails (set-password, invitations).
    /// A practice's link takes the scheme and port from it: <c>{scheme}://{name}.{BaseDomain}:{port}</c>
    /// (or its first custom domain), or <c>{PublicUrl}/t/{name}</c> when <see cref="LinkStyle"/> is <c>Prefix</c>.
    /// </summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";

    /// <summary><c>Subdomain</c> (default) or <c>Prefix</c>.</summary>
    public TenantLinkStyle LinkStyle { get; set; } = TenantLinkStyle.Subdomain;

    /// <summary>How often each server re-reads the registry when no change notification arrives.</summary>
    public TimeSpan RegistryPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Sent with the 503 a practice answers while it is being set up.</summary>
    public int InitializingRetryAfterSeconds { get; set; } = 10;
}

public enum TenantLinkStyle
{
    Subdomain,
    Prefix,
}
