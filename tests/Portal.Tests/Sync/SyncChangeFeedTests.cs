using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Messages.Models;
using Portal.Messages.Services;
using Portal.Tasks.Services;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;
using Portal.Tests.Tasks;

namespace Portal.Tests.Sync;

/// <summary>GET /api/v1/changes: client uploads, client messages and completed tasks, in order, a page at a time after a cursor.</summary>
public sealed class SyncChangeFeedTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task The_feed_holds_what_clients_did_and_pages_with_its_cursor(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (practice, admin, api) = await SyncApiClient.StartAsync(app, "Portal.Documents", "Portal.Messages", Portal.Tasks.Manifest.Feature);
        var person = await app.AddClientAsync(practice);
        var contact = await api.BatchAsync("contacts", new { externalId = "C-1", name = "Jordan Lee", portalUsers = new[] { new { externalId = "C-1-U1", email = person.Email } } });
        var clientId = Guid.Parse(SyncApiClient.Result(contact, 0).GetProperty("id").GetString()!);

        // A client message, a staff reply (not for the feed), a client upload, a task the client marked done.
        var threadId = await app.InPracticeAsync(practice, async sp =>
        {
            var posting = sp.GetRequiredService<MessagePosting>();
            var started = await posting.StartAsync(
                new MessageThread { ClientId = clientId, Kind = MessageThreadKind.General, Subject = "Question about my T4", StartedByUserId = person.Id },
                new MessageAuthor(person.Id, "Jordan Lee", FromClient: true),
                "Which box is my pension adjustment?",
                []);
            await posting.ReplyAsync(started.ThreadId, new MessageAuthor(admin.Id, "Sam", FromClient: false), "Box 52.", []);
            return started.ThreadId;
        });
        var version = await new TusClient(await app.SignedInClientAsync(practice, person)).UploadAsync(DocumentsScenario.Pdf(1500), "T5.pdf", clientId);
        var taskId = await app.InPracticeAsync(practice, async sp =>
        {
            var store = sp.GetRequiredService<TaskStore>();
            var task = (await store.CreateAsync(new TaskInput(clientId, "Sign the engagement letter", null, null, true, [], [], null, []), TasksScenario.Principal(admin), default)).Task!;
            Assert.Null(await store.MarkDoneAsync(task, TasksScenario.Principal(person), default));
            return task.Id;
        });
        await Eventually.TrueAsync(
            () => app.InPracticeAsync(practice, sp => sp.GetRequiredService<CoreTenantDbContext>().DomainEvents.AllAsync(e => e.DispatchedAt != null)),
            what: "every domain event to be dispatched");

        // The feed is in the order the portal recorded the events (their handlers run as jobs, so a later
        // upload may be recorded before an earlier message): read it in pages of two and check each kind.
        var (status, page) = await api.GetAsync("api/v1/changes?limit=2");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(page.GetProperty("hasMore").GetBoolean());
        var first = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, first.Count);
        Assert.Equal(first[1].GetProperty("cursor").GetString(), page.GetProperty("next").GetString());

        var (_, rest) = await api.GetAsync($"api/v1/changes?limit=2&cursor={Uri.EscapeDataString(page.GetProperty("next").GetString()!)}");
        Assert.False(rest.GetProperty("hasMore").GetBoolean());
        var items = first.Concat(rest.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(["document-uploaded", "message", "task-completed"], items.Select(i => i.GetProperty("kind").GetString()).Order());
        Assert.All(items, i => Assert.Equal(("C-1", clientId.ToString()), (i.GetProperty("clientExternalId").GetString(), i.GetProperty("clientId").GetString())));
        var message = items.Single(i => i.GetProperty("kind").GetString() == "message").GetProperty("message");
        Assert.Equal((threadId.ToString(), "Question about my T4", "Jordan Lee", "Which box is my pension adjustment?"), (message.GetProperty("threadId").GetString(), message.GetProperty("subject").GetString(), message.GetProperty("from").GetString(), message.GetProperty("text").GetString()));
        var document = items.Single(i => i.GetProperty("kind").GetString() == "document-uploaded").GetProperty("document");
        Assert.Equal((version.ToString(), "T5.pdf", 1500L), (document.GetProperty("versionId").GetString(), document.GetProperty("fileName").GetString(), document.GetProperty("length").GetInt64()));
        Assert.Equal(64, document.GetProperty("sha256").GetString()!.Length);
        var task = items.Single(i => i.GetProperty("kind").GetString() == "task-completed");
        Assert.Equal((taskId.ToString(), "Sign the engagement letter"), (task.GetProperty("task").GetProperty("taskId").GetString(), task.GetProperty("task").GetProperty("title").GetString()));

        // At the end: nothing more, and the cursor stays where it is.
        var end = rest.GetProperty("next").GetString()!;
        var (_, after) = await api.GetAsync($"api/v1/changes?cursor={Uri.EscapeDataString(end)}");
        Assert.Empty(after.GetProperty("items").EnumerateArray());
        Assert.Equal(end, after.GetProperty("next").GetString());

        // Events are delivered at least once; the feed holds each once.
        Assert.Equal(3, await app.InPracticeAsync(practice, sp => sp.GetRequiredService<Portal.Sync.Data.SyncDbContext>().Changes.CountAsync()));

        var (badStatus, bad) = await api.GetAsync("api/v1/changes?cursor=not-a-cursor");
        Assert.Equal((HttpStatusCode.BadRequest, "cursor-invalid", "cursor"), (badStatus, bad.GetProperty("code").GetString(), bad.GetProperty("field").GetString()));
        var (limitStatus, limit) = await api.GetAsync("api/v1/changes?limit=1001");
        Assert.Equal((HttpStatusCode.BadRequest, "limit-invalid"), (limitStatus, limit.GetProperty("code").GetString()));
    }
}
