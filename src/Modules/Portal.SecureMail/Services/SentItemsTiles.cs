using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.SecureMail.Models;

namespace Portal.SecureMail.Services;

/// <summary>The admin dashboard's secure e-mail figures, each opening the sent items filtered to what it counts; only where the module is on and for staff who may see them.</summary>
internal sealed class SentItemsTiles(SentItemCounts counts, IAuthorizationService authorization, LinkGenerator links, TenantContext tenantContext) : IAdminDashboardTileProvider
{
    public async Task<IReadOnlyList<AdminDashboardTile>> GetTilesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!tenantContext.Tenant.IsFeatureEnabled(Manifest.Feature)
            || !(await authorization.AuthorizeAsync(user, PermissionPolicyProvider.Prefix + Permissions.SendName)).Succeeded)
        {
            return [];
        }

        var totals = await counts.CountAsync(cancellationToken);
        return
        [
            new("Secure e-mails awaiting unlock", Text(totals.AwaitingUnlock), ListPath(null), 40),
            new("Secure e-mails locked, to re-open", Text(totals.Locked), ListPath(SecureMessageStatus.Locked), 41),
            new("Payment requests paid this month", Text(totals.PaidThisMonth), ListPath(SecureMessageStatus.Paid), 42),
        ];
    }

    private string ListPath(SecureMessageStatus? status)
        => links.GetPathByPage(SentItemsPages.List, values: new { status }) ?? throw new InvalidOperationException("The sent items page is not mapped.");

    private static string Text(int count) => count.ToString(CultureInfo.CurrentCulture);
}
