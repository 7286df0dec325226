using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Core.Contracts;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Notifications.Services;

/// <summary>"N portal reminders ready to be sent": on the dashboard, and as a question at sign-out.</summary>
public sealed class ReminderNotices(ReminderSender sender, IAuthorizationService authorization) : IAdminDashboardTileProvider, ISignOutNotice
{
    public async Task<IReadOnlyList<AdminDashboardTile>> GetTilesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await MayManageAsync(user))
        {
            return [];
        }

        var count = await sender.ReadyCountAsync(cancellationToken);
        return [new AdminDashboardTile(count == 1 ? "Portal reminder ready to be sent" : "Portal reminders ready to be sent", count.ToString(CultureInfo.CurrentCulture), "/admin/reminders", 10)];
    }

    public async Task<SignOutNoticeItem?> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await MayManageAsync(user))
        {
            return null;
        }

        var count = await sender.ReadyCountAsync(cancellationToken);
        return count == 0
            ? null
            : new SignOutNoticeItem(
                count == 1 ? "1 portal reminder is ready to be sent." : $"{count} portal reminders are ready to be sent.",
                "Review reminders",
                "/admin/reminders");
    }

    private async Task<bool> MayManageAsync(ClaimsPrincipal user)
        => (await authorization.AuthorizeAsync(user, null, new PermissionRequirement(Permissions.ManageReminders.Name))).Succeeded;
}
