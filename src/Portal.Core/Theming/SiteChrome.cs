using System.Globalization;
using Portal.Core.Settings;
using Portal.Core.Tenancy;

namespace Portal.Core.Theming;

/// <summary>What a practice's layouts show around every page: its name, logo, contact details and branding stylesheet.</summary>
public sealed class SiteChrome(TenantContext tenantContext, SiteSettingsStore settings)
{
    public async Task<SiteChromeModel> GetAsync(CancellationToken cancellationToken = default)
    {
        var tenant = tenantContext.Tenant;
        var branding = await settings.GetAsync<BrandingSettings>(cancellationToken);
        var site = await settings.GetAsync<SiteSettings>(cancellationToken);
        var version = tenant.Version.ToString(CultureInfo.InvariantCulture);
        return new SiteChromeModel(
            tenant.DisplayName,
            branding.HasLogo ? $"~/branding/logo?v={version}" : null,
            $"~/branding.css?v={version}",
            site);
    }
}

public sealed record SiteChromeModel(string DisplayName, string? LogoUrl, string BrandingCssUrl, SiteSettings Site);
