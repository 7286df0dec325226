using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Documents;

/// <summary>A practice with a client in a portal, its full-access user, a contributor and staff; and sample files.</summary>
public sealed record DocumentsScenario(
    PortalApplication App,
    TenantDescriptor Practice,
    Guid ClientId,
    PortalUser Staff,
    PortalUser Admin,
    PortalUser ClientUser,
    PortalUser Contributor)
{
    public static async Task<DocumentsScenario> CreateAsync(PortalApplication app, string clientName = "Lee Family Trust")
    {
        var practice = await app.CreatePracticeAsync();
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<Portal.Core.Modules.TenantFeatures>().EnableAsync(["Portal.Documents"], default));
        practice = app.Get<TenantRegistry>().Find(practice.Name)!;
        var staff = await app.AddStaffAsync(practice);
        var admin = await app.AddAdministratorAsync(practice);
        var clientUser = await app.AddClientAsync(practice);
        var contributor = await app.AddClientAsync(practice);
        var clientId = await app.InPracticeAsync(practice, sp => ClientsFixtures.CreateClientInPortalAsync(sp, clientName, [(clientUser.Id, ClientAccessLevel.Full), (contributor.Id, ClientAccessLevel.Contributor)]));
        return new DocumentsScenario(app, practice, clientId, staff, admin, clientUser, contributor);
    }

    public static byte[] Pdf(int size, int seed = 1)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }
}
