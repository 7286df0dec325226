using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Mail;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Admin.Pages.Admin;

[RequirePermission("Admin.Access")]
public sealed class DashboardModel(
    TenantContext tenantContext,
    TenantUrls urls,
    IMailOutbox outbox,
    IEnumerable<IAdminDashboardTileProvider> tiles) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public List<AdminDashboardTile> Tiles { get; } = [];

    public List<string> Addresses { get; } = [];

    public async Task OnGetAsync()
    {
        var tenant = tenantContext.Tenant;
        DisplayName = tenant.DisplayName;
        Addresses.Add(urls.BaseUrl(tenant));
        Addresses.AddRange(tenant.HostNames.Select(h => $"{Request.Scheme}://{h}"));

        foreach (var provider in tiles)
        {
            Tiles.AddRange(await provider.GetTilesAsync(User, HttpContext.RequestAborted));
        }

        var pending = await outbox.ListAsync(OutboxState.Pending, 1, 1, HttpContext.RequestAborted);
        Tiles.Add(new AdminDashboardTile("E-mails waiting to go out", pending.Total.ToString(CultureInfo.CurrentCulture), "/admin/outbox", 900));
        Tiles.Sort((a, b) => a.Position.CompareTo(b.Position));
    }
}
