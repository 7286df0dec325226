using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Navigation;
using Portal.Core.Tenancy;

namespace Portal.Messages.Services;

/// <summary>The client home's card (position 20, "what is new for you"): the unread threads, newest first.</summary>
internal sealed class MessagesHomeCard(ThreadAccess access, MessageReading reading, TenantContext tenantContext) : IClientDashboardCardProvider
{
    public const int Lines = 5;

    public async Task<IReadOnlyList<ClientDashboardCard>> GetCardsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!tenantContext.Tenant.IsFeatureEnabled(Manifest.Feature) || await access.ForPortalUserAsync(user, cancellationToken) is not { } view)
        {
            return [];
        }

        var unread = reading.Unread(access.Visible(view), view.UserId);
        var count = await unread.CountAsync(cancellationToken);
        var newest = await unread.OrderByDescending(t => t.LastMessageAt).Take(Lines).ToListAsync(cancellationToken);
        var summary = count switch
        {
            0 => "No unread messages. Write to us any time.",
            1 => "1 conversation has a message you have not read.",
            _ => $"{count} conversations have messages you have not read.",
        };
        return
        [
            new ClientDashboardCard("Messages", summary, ClientNav.MessagesPath, 20)
            {
                Lines = newest.Select(t => new ClientDashboardLine(t.Subject, $"{ClientNav.MessagesPath}/{t.Id}", "Unread", NeedsAttention: true)).ToList(),
            },
        ];
    }
}
