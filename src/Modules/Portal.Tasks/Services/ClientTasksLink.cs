using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Tasks.Data;
using Portal.Tasks.Models;

namespace Portal.Tasks.Services;

/// <summary>"Tasks: 2 open" on a client's admin page, for staff who may see tasks.</summary>
internal sealed class ClientTasksLink(TasksDbContext db, IAuthorizationService authorization) : IClientRecordLinkProvider
{
    public async Task<IReadOnlyList<ClientRecordLink>> GetLinksAsync(ClaimsPrincipal user, Guid clientId, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(user, PermissionPolicyProvider.Prefix + Permissions.ViewName)).Succeeded)
        {
            return [];
        }

        var open = await db.Tasks.CountAsync(t => t.ClientId == clientId && t.State == TaskState.Open, cancellationToken);
        var summary = open switch
        {
            0 => "No open tasks",
            1 => "1 open task",
            _ => string.Create(CultureInfo.InvariantCulture, $"{open} open tasks"),
        };
        return [new ClientRecordLink("Tasks and requests", summary, $"{TaskPaths.StaffList}?clientId={clientId}", 20)];
    }
}
