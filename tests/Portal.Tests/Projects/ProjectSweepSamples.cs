using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;
using Portal.Projects.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Projects;

/// <summary>A project for the page and form sweeps, so the project pages open with a real id.</summary>
internal static class ProjectSweepSamples
{
    public static Task<Guid> ProjectAsync(PortalApplication app, TenantDescriptor practice, Guid clientId)
        => app.InPracticeAsync(practice, async sp =>
        {
            var status = await sp.GetRequiredService<ProjectStatusList>().FindByNameAsync("Received") ?? throw new InvalidOperationException("no default statuses");
            var (project, error) = await sp.GetRequiredService<ProjectLibrary>().CreateAsync(clientId, new ProjectInput("Sweep project", status.Id, null, null), new ClaimsPrincipal());
            return project?.Id ?? throw new InvalidOperationException("no project: " + error?.Message);
        });
}
