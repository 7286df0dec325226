namespace Portal.Core.Tenancy;

/// <summary>What a request's host and path resolve to.</summary>
public sealed record TenantMatch
{
    private TenantMatch(TenantMatchKind kind, TenantDescriptor? tenant, string? requestedName, string pathBase)
    {
        Kind = kind;
        Tenant = tenant;
        RequestedName = requestedName;
        PathBase = pathBase;
    }

    public TenantMatchKind Kind { get; }

    public TenantDescriptor? Tenant { get; }

    /// <summary>For <see cref="TenantMatchKind.Unknown"/>: the name that was asked for.</summary>
    public string? RequestedName { get; }

    /// <summary>The URL prefix that selected the practice (<c>/t/acme</c>), moved into PathBase.</summary>
    public string PathBase { get; }

    public static TenantMatch Host { get; } = new(TenantMatchKind.Host, null, null, "");

    public static TenantMatch Found(TenantDescriptor tenant, string pathBase) => new(TenantMatchKind.Tenant, tenant, tenant.Name, pathBase);

    public static TenantMatch Unknown(string requestedName) => new(TenantMatchKind.Unknown, null, requestedName, "");
}

public enum TenantMatchKind
{
    /// <summary>The platform's own site (host admin, landing page).</summary>
    Host,

    /// <summary>A registered practice.</summary>
    Tenant,

    /// <summary>The address names a practice that does not exist.</summary>
    Unknown,
}
