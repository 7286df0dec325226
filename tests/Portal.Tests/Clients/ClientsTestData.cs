using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Data;
using Portal.Clients.Data;
using Portal.Clients.Models;
using Portal.Clients.Services;
using Portal.Core.Contracts;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Clients;

/// <summary>Clients, portals and memberships made through the module's own services, for tests to start from.</summary>
public static class ClientsTestData
{
    public static Task<Client> AddClientRecordAsync(this PortalApplication app, TenantDescriptor practice, string name, string? externalId = null, ClientKind kind = ClientKind.Individual, params string[] emails)
        => app.InPracticeAsync(practice, async sp =>
        {
            var result = await sp.GetRequiredService<ClientStore>().CreateAsync(new ClientInput(kind, name, emails, null, null, externalId, null));
            return result.Value ?? throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
        });

    public static Task<ClientPortal> AddPortalAsync(this PortalApplication app, TenantDescriptor practice, string name, params Guid[] clientIds)
        => app.InPracticeAsync(practice, async sp =>
        {
            var portals = sp.GetRequiredService<PortalStore>();
            var portal = (await portals.CreateAsync(name)).Value!;
            foreach (var clientId in clientIds)
            {
                Assert.Null(await portals.AddClientAsync(portal.Id, clientId));
            }

            return portal;
        });

    public static Task GrantAsync(this PortalApplication app, TenantDescriptor practice, Guid portalId, PortalUser user, PortalAccess access, DateOnly? expiresOn = null)
        => app.InPracticeAsync(practice, async sp =>
        {
            var info = (await sp.GetRequiredService<IUserDirectory>().FindAsync(user.Id))!;
            await sp.GetRequiredService<PortalMemberships>().SetAsync(portalId, info, access, expiresOn);
        });

    public static Task<DateOnly> TodayAsync(this PortalApplication app, TenantDescriptor practice)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<Portal.Core.Time.IPracticeClock>().TodayAsync());

    public static Task<T> InClientsDbAsync<T>(this PortalApplication app, TenantDescriptor practice, Func<ClientsDbContext, Task<T>> work)
        => app.InPracticeAsync(practice, sp => work(sp.GetRequiredService<ClientsDbContext>()));

    public static Task<List<string>> AuditActionsAsync(this PortalApplication app, TenantDescriptor practice)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<AuditDbContext>().Events.AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
}
