using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Documents.Models;
using Portal.Documents.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Documents;

/// <summary>
/// Without a scanner (the demo, and the Testing environment's default): files are released at once
/// marked "not scanned", or held while <c>WhenOff=Hold</c> until scanning is on; the practice's
/// dashboard says files are not scanned.
/// </summary>
public sealed class ScanningOffTests(ClassApps apps) : IClassFixture<ClassApps>
{
    [Theory, BothDatabases]
    public async Task Files_are_released_at_once_marked_not_scanned_and_the_dashboard_says_so(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var staff = new TusClient(await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff));
        var content = DocumentsScenario.Pdf(12_000);

        var versionId = await staff.UploadAsync(content, "Invoice.pdf", scenario.ClientId);

        Assert.Equal(ScanState.NotScanned, (await scenario.VersionAsync(versionId)).ScanState);
        var client = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        var row = Assert.Single((await client.GetDocumentAsync($"documents/{scenario.ClientId}")).QuerySelectorAll("tr[data-document]"));
        Assert.Null(row.QuerySelector("[data-scan]")); // running without a scanner is the practice's call: clients are not alarmed
        Assert.Equal(content, await client.GetByteArrayAsync($"documents/versions/{versionId}/download"));
        var staffRow = Assert.Single((await staff.Http.GetDocumentAsync($"admin/documents/clients/{scenario.ClientId}")).QuerySelectorAll("tr[data-document]"));
        Assert.Equal("Not scanned", staffRow.QuerySelector("[data-scan=not-scanned]")!.TextContent.Trim());

        var admin = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin);
        var notice = (await admin.GetDocumentAsync("admin")).QuerySelector("[data-testid=scanning-off]")!.TextContent;
        Assert.Contains("Files are not scanned for malware", notice, StringComparison.Ordinal);
        Assert.Contains("marked \"Not scanned\"", notice, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Held_files_stay_with_their_sender_until_scanning_is_on_and_are_then_scanned_and_released(DatabaseProvider provider)
    {
        await using var data = await TestData.CreateAsync(provider);
        DocumentsScenario scenario;
        Guid versionId;
        var content = DocumentsScenario.Pdf(15_000, 4);
        await using (var held = PortalApplication.StartOn(data, o => o.Set("Portal:Scanning:WhenOff", "Hold")))
        {
            scenario = await DocumentsScenario.CreateAsync(held);
            var client = new TusClient(await held.SignedInClientAsync(scenario.Practice, scenario.ClientUser));
            versionId = await client.UploadAsync(content, "Payslip.pdf", scenario.ClientId);

            Assert.Equal(ScanState.Pending, (await scenario.VersionAsync(versionId)).ScanState);
            Assert.Contains("Scanning…", (await client.Http.GetDocumentAsync($"documents/{scenario.ClientId}")).QuerySelector("tr[data-document]")!.TextContent, StringComparison.Ordinal);
            var staff = await held.SignedInClientAsync(scenario.Practice, scenario.Staff);
            Assert.Empty((await staff.GetDocumentAsync($"admin/documents/clients/{scenario.ClientId}")).QuerySelectorAll("tr[data-document]"));
            Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"documents/versions/{versionId}/download")).StatusCode);
            var admin = await held.SignedInClientAsync(scenario.Practice, scenario.Admin);
            Assert.Contains("new files wait", (await admin.GetDocumentAsync("admin")).QuerySelector("[data-testid=scanning-off]")!.TextContent, StringComparison.Ordinal);
        }

        // Scanning turned on: the maintenance job queues what waited longer than a scan's retries.
        await using var scanning = PortalApplication.StartOn(data, o => o
            .Set("Portal:Scanning:Mode", "Clamd")
            .Set("Portal:Scanning:Port", TestEnvironment.ClamdPort.ToString(CultureInfo.InvariantCulture)));
        scanning.Clock.Advance(DocumentScanning.RequeueAfter + TimeSpan.FromMinutes(1));
        await scanning.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<DocumentMaintenanceHandler>().MaintainAsync(default));
        await (scenario with { App = scanning }).WaitForScanAsync(versionId, ScanState.Clean);

        var staffNow = await scanning.SignedInClientAsync(scenario.Practice, scenario.Staff);
        Assert.Single((await staffNow.GetDocumentAsync($"admin/documents/clients/{scenario.ClientId}")).QuerySelectorAll("tr[data-document]"));
        Assert.Equal(content, await staffNow.GetByteArrayAsync($"documents/versions/{versionId}/download"));
        Assert.Null((await (await scanning.SignedInClientAsync(scenario.Practice, scenario.Admin)).GetDocumentAsync("admin")).QuerySelector("[data-testid=scanning-off]"));
    }
}
