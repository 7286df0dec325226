using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Modules;
using Portal.Core.Tenancy;
using Portal.Documents.Models;
using Portal.Documents.Services;
using Portal.Identity.Models;
using Portal.Projects.Models;
using Portal.Projects.Services;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Projects;

/// <summary>
/// A practice with Projects on; a client in a portal with a full-access user and a contributor; staff,
/// an administrator, a staff member with no role, and a client user of another portal.
/// </summary>
public sealed record ProjectsScenario(
    PortalApplication App,
    TenantDescriptor Practice,
    Guid ClientId,
    PortalUser Staff,
    PortalUser Admin,
    PortalUser NoRoleStaff,
    PortalUser ClientUser,
    PortalUser Contributor,
    PortalUser OtherPortalUser)
{
    public static async Task<ProjectsScenario> CreateAsync(PortalApplication app, params string[] moreFeatures)
    {
        var practice = await app.CreatePracticeAsync();
        var features = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TenantFeatures>().EnableAsync(["Portal.Projects", .. moreFeatures], default));
        Assert.True(features.Succeeded, features.Error);
        practice = app.Get<TenantRegistry>().Find(practice.Name)!;
        var staff = await app.AddStaffAsync(practice);
        var admin = await app.AddAdministratorAsync(practice);
        var noRole = await app.AddUserAsync(practice, $"norole-{Guid.NewGuid():N}@{practice.Name}.example", UserKind.Staff);
        var clientUser = await app.AddClientAsync(practice);
        var contributor = await app.AddClientAsync(practice);
        var other = await app.AddClientAsync(practice);
        var clientId = await app.InPracticeAsync(practice, sp => ClientsFixtures.CreateClientInPortalAsync(sp, "Jordan Lee", [(clientUser.Id, ClientAccessLevel.Full), (contributor.Id, ClientAccessLevel.Contributor)]));
        await app.InPracticeAsync(practice, sp => ClientsFixtures.CreateClientInPortalAsync(sp, "Someone Else", [(other.Id, ClientAccessLevel.Full)]));
        return new ProjectsScenario(app, practice, clientId, staff, admin, noRole, clientUser, contributor, other);
    }

    public Task<T> InPracticeAsync<T>(Func<IServiceProvider, Task<T>> work) => App.InPracticeAsync(Practice, work);

    public Task<ProjectStatus> StatusAsync(string name)
        => InPracticeAsync(async sp => (await sp.GetRequiredService<ProjectStatusList>().FindByNameAsync(name))!);

    /// <summary>Creates a project as the administrator would, through the library.</summary>
    public async Task<Project> CreateProjectAsync(string name = "2026 Personal tax return", string status = "Received", string? externalId = null)
    {
        var statusId = (await StatusAsync(status)).Id;
        var (project, error) = await InPracticeAsync(sp => sp.GetRequiredService<ProjectLibrary>().CreateAsync(ClientId, new ProjectInput(name, statusId, null, externalId), new ClaimsPrincipal()));
        Assert.Null(error);
        return project!;
    }

    /// <summary>Puts a file from the practice into the project's folder (released at once: scanning is off in tests).</summary>
    public Task<Guid> SendFileAsync(Project project, string name)
        => InPracticeAsync(async sp =>
        {
            var stored = await sp.GetRequiredService<DocumentStore>().StoreAsync(
                new DocumentTarget(ClientId, project.FolderId, TransferDirection.ToClient, Admin.Id, "Admin"), name, new MemoryStream(DocumentsScenario.Pdf(2048)), default);
            Assert.Null(stored.Error);
            return stored.Version!.DocumentId;
        });

    public Task ShareDocumentAsync(Guid documentId, PortalUser user)
        => InPracticeAsync(async sp =>
        {
            await sp.GetRequiredService<DocumentLibrary>().ShareAsync(ClientId, documentId, null, user.Id, new ClaimsPrincipal(), default);
            return true;
        });

    public Task ShareFolderAsync(Project project, PortalUser user)
        => InPracticeAsync(async sp =>
        {
            await sp.GetRequiredService<DocumentLibrary>().ShareAsync(ClientId, null, project.FolderId, user.Id, new ClaimsPrincipal(), default);
            return true;
        });
}
