using Microsoft.Extensions.Options;

namespace Portal.Core.Tenancy;

/// <summary>Absolute links to a practice's site, for e-mails and anything else sent outside a request.</summary>
public sealed class TenantUrls(IOptions<TenancyOptions> options)
{
    public string BaseUrl(TenantDescriptor tenant)
    {
        var settings = options.Value;
        var platform = new Uri(settings.PublicUrl.TrimEnd('/') + "/");
        if (settings.LinkStyle == TenantLinkStyle.Prefix)
        {
            return new Uri(platform, TenantResolver.PrefixPath(tenant.Name).TrimStart('/')).ToString().TrimEnd('/');
        }

        if (tenant.HostNames.Count > 0)
        {
            // A custom domain is what the practice's clients know.
            return $"{platform.Scheme}://{tenant.HostNames[0]}{PortSuffix(platform)}";
        }

        return $"{platform.Scheme}://{tenant.Name}.{settings.BaseDomain}{PortSuffix(platform)}";
    }

    /// <summary>An absolute link to a path of the practice's site; the path starts with "/".</summary>
    public string Link(TenantDescriptor tenant, string path) => BaseUrl(tenant) + path;

    private static string PortSuffix(Uri uri) => uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
