using Portal.Core.Modules;
using Portal.Core.Settings;
using Portal.Core.Tenancy;

namespace Portal.Core.Theming;

/// <summary>What a practice's layouts show around every page: its name, logo, contact details and branding stylesheet.</summary>
public sealed class SiteChrome(TenantContext tenantContext, SiteSettingsStore settings, ModuleCatalog modules)
{
    public async Task<SiteChromeModel> GetAsync(CancellationToken cancellationToken = default)
    {
        var tenant = tenantContext.Tenant;
        var branding = await settings.GetAsync<BrandingSettings>(cancellationToken);
        var site = await settings.GetAsync<SiteSettings>(cancellationToken);
        return new SiteChromeModel(
            tenant.DisplayName,
            branding.HasLogo ? "~" + BrandingLogo.PathOf(branding) : null,
            $"~/branding.css?v={BrandingStylesheet.Fingerprint(branding)}",
            site,
            Promise(modules.Features.Ordered.Where(f => tenant.IsFeatureEnabled(f.Id)).Select(f => f.ClientPromise).OfType<string>().ToList(), tenant.DisplayName));
    }

    /// <summary>"Exchange documents and pay invoices securely with Maple &amp; Finch." from what is switched on; never a feature the practice does not have.</summary>
    private static string Promise(List<string> promises, string practice)
    {
        if (promises.Count == 0)
        {
            return Text.Sentence.End($"Your secure portal with {practice}");
        }

        var list = promises.Count == 1 ? promises[0] : string.Join(", ", promises.Take(promises.Count - 1)) + " and " + promises[^1];
        return Text.Sentence.End($"{char.ToUpperInvariant(list[0])}{list[1..]} securely with {practice}");
    }
}

/// <param name="Promise">What clients can do here, from the practice's enabled features: the welcome when the practice wrote none.</param>
public sealed record SiteChromeModel(string DisplayName, string? LogoUrl, string BrandingCssUrl, SiteSettings Site, string Promise);
