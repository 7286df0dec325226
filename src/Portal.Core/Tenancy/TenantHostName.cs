namespace Portal.Core.Tenancy;

/// <summary>An extra host name (custom domain) that serves a practice's site.</summary>
public sealed class TenantHostName
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>Lower case, no port, no trailing dot.</summary>
    public string HostName { get; set; } = "";
}
