using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Jobs;
using Portal.Documents.Data;
using Portal.Documents.Models;
using Portal.Documents.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Documents;

/// <summary>Reading and waiting for a version's scan state, as stored.</summary>
public static class ScanStates
{
    public static Task<DocumentVersion> VersionAsync(this DocumentsScenario scenario, Guid versionId)
        => scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<DocumentsDbContext>().Versions.AsNoTracking().SingleAsync(v => v.Id == versionId));

    /// <summary>
    /// Waits for the state and for the scan job to be over: the job records the state first and then
    /// points each side at the version and queues its notice, so the state alone comes too early for
    /// a test that then reads a page.
    /// </summary>
    public static Task<DocumentVersion> WaitForScanAsync(this DocumentsScenario scenario, Guid versionId, ScanState state)
        => Eventually.GetAsync(
            async () => await scenario.VersionAsync(versionId) is { } version && version.ScanState == state && !await ScanJobOpenAsync(scenario.App, versionId) ? version : null,
            what: $"version {versionId} to be {state}");

    private static async Task<bool> ScanJobOpenAsync(PortalApplication app, Guid versionId)
    {
        await using var host = await app.Get<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
        var open = await host.Jobs.AsNoTracking()
            .Where(j => j.Type == DocumentScanHandler.JobType && (j.State == JobState.Pending || j.State == JobState.Running))
            .Select(j => j.Payload)
            .ToListAsync();
        return open.Any(payload => payload.Contains(versionId.ToString(), StringComparison.OrdinalIgnoreCase));
    }
}
