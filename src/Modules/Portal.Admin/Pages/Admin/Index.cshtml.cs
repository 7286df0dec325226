using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Portal.Admin.GettingStarted;
using Portal.Core.Caching;
using Portal.Core.Mail;
using Portal.Core.Navigation;
using Portal.Core.Scanning;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Admin.Pages.Admin;

[RequirePermission(Permissions.AccessAdminName)]
[OutputCache(PolicyName = SignedInPages.Policy)]
public sealed class DashboardModel(
    TenantContext tenantContext,
    TenantUrls urls,
    IMailOutbox outbox,
    IOptions<ScanningOptions> scanning,
    IEnumerable<IAdminDashboardTileProvider> tiles,
    GettingStartedAssistant gettingStarted,
    IAuthorizationService authorization) : PageModel
{
    /// <summary>Said while uploads are not scanned for malware on this server (null when they are).</summary>
    public string? ScanningOffNotice => scanning.Value.IsOn
        ? null
        : scanning.Value.WhenOff == WhenScanningOff.Hold
            ? "Files are not scanned for malware: scanning is off on this server, so new files wait, unseen by the other side, until it is turned on."
            : "Files are not scanned for malware: scanning is off on this server, so new files reach the other side at once, marked \"Not scanned\".";

    public string DisplayName { get; private set; } = "";

    public List<AdminDashboardTile> Tiles { get; } = [];

    public List<string> Addresses { get; } = [];

    /// <summary>What is left of the getting-started assistant, for administrators, until they hide it or finish it.</summary>
    public GettingStartedOverview? GettingStarted { get; private set; }

    public async Task OnGetAsync()
    {
        var tenant = tenantContext.Tenant;
        DisplayName = tenant.DisplayName;
        Addresses.Add(urls.BaseUrl(tenant));
        Addresses.AddRange(tenant.HostNames.Select(h => $"{Request.Scheme}://{h}"));

        if ((await authorization.AuthorizeAsync(User, PermissionPolicyProvider.Prefix + Permissions.ManageSettingsName)).Succeeded
            && await gettingStarted.OverviewAsync(HttpContext.RequestAborted) is { OfferedOnDashboard: true } overview)
        {
            GettingStarted = overview;
        }

        foreach (var provider in tiles)
        {
            Tiles.AddRange(await provider.GetTilesAsync(User, HttpContext.RequestAborted));
        }

        var pending = await outbox.ListAsync(OutboxState.Pending, 1, 1, HttpContext.RequestAborted);
        Tiles.Add(new AdminDashboardTile("E-mails waiting to go out", pending.Total.ToString(CultureInfo.CurrentCulture), "/admin/outbox", 900));
        Tiles.Sort((a, b) => a.Position.CompareTo(b.Position));
    }
}
