using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Core.Jobs;
using Portal.Documents.Services;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Events;

/// <summary>A real application process killed (SIGKILL) between an event's commit and its dispatch loses nothing.</summary>
public sealed class DomainEventCrashTests
{
    [Theory, BothDatabases]
    public async Task An_event_committed_by_a_process_killed_before_its_dispatch_is_dispatched_by_the_next_process(DatabaseProvider provider)
    {
        await using var data = await TestData.CreateAsync(provider);
        DocumentsScenario scenario;
        await using (var setup = PortalApplication.StartOn(data))
        {
            scenario = await DocumentsScenario.CreateAsync(setup);
        }

        Guid versionId;
        Guid eventId;

        // The first process runs no jobs: the upload commits its DocumentUploaded event and its dispatch
        // job is queued, but nothing dispatches it before the process is killed.
        await using (var first = await PortalProcess.StartAsync(data, new Dictionary<string, string> { ["Portal__Jobs__WorkerEnabled"] = "false" }))
        {
            using var http = first.PracticeClient(scenario.Practice.Name);
            var signIn = await http.SubmitFormAsync("account/signin", new() { ["Email"] = scenario.ClientUser.Email!, ["Password"] = Practices.ClientPassword });
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            versionId = await new TusClient(http).UploadAsync(DocumentsScenario.Pdf(5000), "Receipt.pdf", scenario.ClientId);

            var uploaded = await UploadedEventAsync(data, scenario, versionId);
            Assert.NotNull(uploaded);
            Assert.Null(uploaded.DispatchedAt);
            eventId = uploaded.Id;
            Assert.Empty(await NoticeJobsAsync(data, scenario, versionId));

            await first.KillAsync();
        }

        await using var second = await PortalProcess.StartAsync(data);
        await Eventually.TrueAsync(
            async () => (await NoticeJobsAsync(data, scenario, versionId)).Count == 1,
            TimeSpan.FromMinutes(1),
            "the DocumentUploaded handler, in the second process, to queue the upload's fallback notice");
        await Eventually.TrueAsync(
            async () => (await UploadedEventAsync(data, scenario, versionId))?.DispatchedAt is not null,
            TimeSpan.FromMinutes(1),
            "the event to be marked dispatched");
        await using var core = data.OpenPracticeCore(scenario.Practice);
        // Other modules' handlers (the always-on sync feed) hear the event too; the notice's ran once.
        var handlers = await core.DomainEventDeliveries.Where(d => d.EventId == eventId).Select(d => d.Handler).ToListAsync();
        Assert.Single(handlers, handler => handler == typeof(FallbackNoticeOnUpload).FullName);
    }

    private static async Task<DomainEventRecord?> UploadedEventAsync(TestData data, DocumentsScenario scenario, Guid versionId)
    {
        await using var core = data.OpenPracticeCore(scenario.Practice);
        var uploads = await core.DomainEvents.AsNoTracking().Where(e => e.Type == DocumentUploaded.EventType).ToListAsync();
        return uploads.SingleOrDefault(e => JsonSerializer.Deserialize<DocumentUploaded>(e.Payload, JsonSerializerOptions.Web)!.VersionId == versionId);
    }

    private static async Task<List<JobRecord>> NoticeJobsAsync(TestData data, DocumentsScenario scenario, Guid versionId)
    {
        await using var host = data.OpenHostStore();
        var notices = await host.Jobs.AsNoTracking().Where(j => j.Tenant == scenario.Practice.Name && j.Type == DocumentNoticeHandler.JobType).ToListAsync();
        return notices.Where(j => JsonSerializer.Deserialize<DocumentNotice>(j.Payload, JsonSerializerOptions.Web)!.VersionId == versionId).ToList();
    }
}
