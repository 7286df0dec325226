using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Documents.Data;
using Portal.Documents.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Documents;

/// <summary>Reading and waiting for a version's scan state, as stored.</summary>
public static class ScanStates
{
    public static Task<DocumentVersion> VersionAsync(this DocumentsScenario scenario, Guid versionId)
        => scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<DocumentsDbContext>().Versions.AsNoTracking().SingleAsync(v => v.Id == versionId));

    public static Task<DocumentVersion> WaitForScanAsync(this DocumentsScenario scenario, Guid versionId, ScanState state)
        => Eventually.GetAsync(
            async () => await scenario.VersionAsync(versionId) is { } version && version.ScanState == state ? version : null,
            what: $"version {versionId} to be {state}");
}
