using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Core.Navigation;

/// <summary>Builds the menus a user may see: features that are on, permissions the user holds.</summary>
public sealed class NavigationBuilder(
    IEnumerable<IAdminMenuProvider> adminProviders,
    IEnumerable<IClientNavProvider> clientProviders,
    IEnumerable<ICustomizeTabProvider> customizeProviders,
    IAuthorizationService authorization,
    TenantContext tenantContext)
{
    public async Task<IReadOnlyList<IGrouping<string, AdminMenuItem>>> AdminMenuAsync(ClaimsPrincipal user)
    {
        var tenant = tenantContext.Tenant;
        var visible = new List<AdminMenuItem>();
        foreach (var item in adminProviders.SelectMany(p => p.GetItems()))
        {
            if (!tenant.IsFeatureEnabled(item.Feature))
            {
                continue;
            }

            if (item.Permission is not null
                && !(await authorization.AuthorizeAsync(user, null, new PermissionRequirement(item.Permission))).Succeeded)
            {
                continue;
            }

            visible.Add(item);
        }

        return visible
            .OrderBy(i => GroupOrder(i.Group)).ThenBy(i => i.Position).ThenBy(i => i.Text, StringComparer.CurrentCulture)
            .GroupBy(i => i.Group)
            .ToList();
    }

    /// <summary>The Customize tabs the user may open: the practice has the tab's feature and the user the permission its page requires.</summary>
    public async Task<IReadOnlyList<CustomizeTab>> CustomizeTabsAsync(ClaimsPrincipal user)
    {
        var tenant = tenantContext.Tenant;
        var visible = new List<CustomizeTab>();
        foreach (var tab in customizeProviders.SelectMany(p => p.GetTabs()))
        {
            if (tenant.IsFeatureEnabled(tab.Feature)
                && (await authorization.AuthorizeAsync(user, null, new PermissionRequirement(tab.Permission))).Succeeded)
            {
                visible.Add(tab);
            }
        }

        return visible.OrderBy(t => t.Position).ToList();
    }

    public async Task<IReadOnlyList<ClientNavItem>> ClientNavAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var tenant = tenantContext.Tenant;
        var signedIn = user.Identity?.IsAuthenticated == true;
        var items = new List<ClientNavItem>();
        foreach (var provider in clientProviders)
        {
            items.AddRange(await provider.GetItemsAsync(user, cancellationToken));
        }

        return items.Where(i => tenant.IsFeatureEnabled(i.Feature) && (signedIn || !i.RequiresSignIn)).OrderBy(i => i.Position).ToList();
    }

    private static int GroupOrder(string group) => group switch
    {
        "Practice" => 0,
        "Clients" => 1,
        "Content" => 2,
        "Settings" => 8,
        _ => 5,
    };
}
