using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Events;

/// <summary>What the Documents module publishes: one DocumentUploaded per finished upload, one DocumentsSent per announced batch.</summary>
public sealed class DocumentEventsTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_sent_batch_publishes_an_upload_event_per_file_and_one_sent_event(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff);
        var tus = new TusClient(staff);
        var batch = Guid.NewGuid();
        var one = await tus.UploadAsync(DocumentsScenario.Pdf(5000, 1), "One.pdf", scenario.ClientId, batchId: batch);
        var two = await tus.UploadAsync(DocumentsScenario.Pdf(5000, 2), "Two.pdf", scenario.ClientId, batchId: batch);
        Assert.StartsWith("unchanged", (await tus.UploadWithOutcomeAsync(DocumentsScenario.Pdf(5000, 2), "Two.pdf", scenario.ClientId, batchId: batch)).Outcome, StringComparison.Ordinal);

        var token = (await staff.GetDocumentAsync($"admin/documents/clients/{scenario.ClientId}")).QuerySelector("[data-uploader]")!.GetAttribute("data-antiforgery")!;
        var complete = new HttpRequestMessage(HttpMethod.Post, $"documents/{scenario.ClientId}/batches/{batch}/complete");
        complete.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.OK, (await staff.SendAsync(complete)).StatusCode);

        var events = await scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<CoreTenantDbContext>().DomainEvents.AsNoTracking().ToListAsync());
        var uploads = events.Where(e => e.Type == DocumentUploaded.EventType).Select(e => JsonSerializer.Deserialize<DocumentUploaded>(e.Payload, JsonSerializerOptions.Web)!).ToList();
        Assert.Equal(new[] { one, two }.Order(), uploads.Select(u => u.VersionId).Order());
        Assert.All(uploads, u => Assert.Equal((scenario.ClientId, batch, false, scenario.Staff.Id), (u.ClientId, u.BatchId!.Value, u.FromClient, u.UploadedBy)));

        var sent = JsonSerializer.Deserialize<DocumentsSent>(Assert.Single(events, e => e.Type == DocumentsSent.EventType).Payload, JsonSerializerOptions.Web)!;
        Assert.Equal((scenario.ClientId, batch, false), (sent.ClientId, sent.BatchId!.Value, sent.FromClient));
        Assert.Equal(new[] { one, two }.Order(), sent.VersionIds.Order());
    }
}
