namespace Portal.Core.Tenancy;

/// <summary>
/// Maps a request's host and path to a practice. Order, as in Orchard Core's shell table:
/// host + prefix, then host alone, then prefix alone, then the platform site.
/// </summary>
public static class TenantResolver
{
    /// <summary>The first path segment of prefix addresses: <c>/t/{name}</c>.</summary>
    public const string PrefixSegment = "t";

    public static TenantMatch Resolve(TenantRegistrySnapshot registry, string baseDomain, string host, string path)
    {
        var hostName = NormalizeHost(host);
        var prefixName = ReadPrefixName(path);
        var hostTenant = FindByHost(registry, baseDomain, hostName, out var hostNamedUnknown);

        // 1. host + prefix: the host names the practice and the path repeats it.
        if (hostTenant is not null && prefixName is not null && prefixName == hostTenant.Name)
        {
            return TenantMatch.Found(hostTenant, PrefixPath(prefixName));
        }

        // 2. host: a practice's own host name or a custom domain.
        if (hostTenant is not null)
        {
            return TenantMatch.Found(hostTenant, "");
        }

        if (hostNamedUnknown is not null)
        {
            return TenantMatch.Unknown(hostNamedUnknown);
        }

        // 3. prefix on the platform's host.
        if (prefixName is not null)
        {
            return registry.ByName.TryGetValue(prefixName, out var prefixTenant)
                ? TenantMatch.Found(prefixTenant, PrefixPath(prefixName))
                : TenantMatch.Unknown(prefixName);
        }

        return TenantMatch.Host;
    }

    public static string PrefixPath(string name) => $"/{PrefixSegment}/{name}";

    private static TenantDescriptor? FindByHost(TenantRegistrySnapshot registry, string baseDomain, string hostName, out string? unknownName)
    {
        unknownName = null;
        if (registry.ByHostName.TryGetValue(hostName, out var custom))
        {
            return custom;
        }

        var suffix = "." + baseDomain;
        if (hostName.Length > suffix.Length && hostName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            var label = hostName[..^suffix.Length];
            if (label.Contains('.', StringComparison.Ordinal))
            {
                // a.b.localhost is nobody's address
                unknownName = label;
                return null;
            }

            if (registry.ByName.TryGetValue(label, out var tenant))
            {
                return tenant;
            }

            // www.{base domain} is the platform itself, not an unknown practice.
            if (label != "www")
            {
                unknownName = label;
            }
        }

        return null;
    }

    private static string? ReadPrefixName(string path)
    {
        // "/t/{name}" or "/t/{name}/..."
        var span = path.AsSpan();
        if (span.Length < 4 || span[0] != '/' || span[1] != PrefixSegment[0] || span[2] != '/')
        {
            return null;
        }

        var rest = span[3..];
        var end = rest.IndexOf('/');
        var name = end < 0 ? rest : rest[..end];
        return name.IsEmpty ? null : name.ToString().ToLowerInvariant();
    }

    private static string NormalizeHost(string host)
    {
        var trimmed = host.TrimEnd('.');
        return trimmed.ToLowerInvariant();
    }
}
