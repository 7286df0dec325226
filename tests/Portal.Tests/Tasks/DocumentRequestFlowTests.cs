using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Tasks.Models;
using Portal.Tasks.Services;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Tasks;

public sealed class DocumentRequestFlowTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_request_completes_itself_when_its_last_item_is_uploaded(DatabaseProvider provider)
    {
        var scenario = await TasksScenario.CreateAsync(await apps.For(provider));
        var task = await scenario.CreateTaskAsync("2026 personal return: slips", ["T4 slip 2026", "RRSP receipts"], dueOn: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20));
        var items = await scenario.ItemsAsync(task.Id);
        var browser = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser);

        var first = await TasksScenario.UploadForItemAsync(browser, scenario.ClientId, scenario.FolderId, items[0].Id, "t4.pdf", DocumentsScenario.Pdf(2000, seed: 1));
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        await Eventually.TrueAsync(async () => (await scenario.ItemsAsync(task.Id))[0].State == RequestItemState.Received, what: "the first item to be received");
        Assert.Equal(TaskState.Open, (await scenario.TaskAsync(task.Id)).State);

        var second = await TasksScenario.UploadForItemAsync(browser, scenario.ClientId, scenario.FolderId, items[1].Id, "rrsp.pdf", DocumentsScenario.Pdf(2000, seed: 2));
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        var done = await Eventually.GetAsync(async () => await scenario.TaskAsync(task.Id) is { State: TaskState.Done } t ? t : null, what: "the request to complete");
        Assert.NotNull(done.CompletedAt);
        Assert.All(await scenario.ItemsAsync(task.Id), i => Assert.Equal(RequestItemState.Received, i.State));
        // The completion's audit row is written just after the state it records: wait for it too.
        await Eventually.TrueAsync(async () => (await scenario.AuditActionsAsync(task.Id)).Contains(TaskAuditActions.Completed), what: "the completion to be audited");

        // The items point at the client's documents.
        var files = await scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<IClientDocumentFiles>().ListPdfsAsync(scenario.ClientId));
        Assert.Equal(["rrsp.pdf", "t4.pdf"], files.Select(f => f.Name).Order());
        Assert.Equal(files.Select(f => f.VersionId).Order(), (await scenario.ItemsAsync(task.Id)).Select(i => i.VersionId!.Value).Order());
    }

    [Theory, BothDatabases]
    public async Task An_item_the_client_does_not_have_waits_for_staff_acceptance(DatabaseProvider provider)
    {
        var scenario = await TasksScenario.CreateAsync(await apps.For(provider));
        var task = await scenario.CreateTaskAsync("Rental income", ["Rent ledger", "Property tax bill"]);
        var items = await scenario.ItemsAsync(task.Id);
        var browser = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser);

        var noted = await browser.SubmitFormAsync($"tasks/{task.Id}", new() { ["ItemId"] = items[1].Id.ToString(), ["Note"] = "The city has not sent it yet." }, "form[data-testid=not-available-form]");
        Assert.Equal(HttpStatusCode.Redirect, noted.StatusCode);
        Assert.Equal(RequestItemState.NotAvailable, (await scenario.ItemsAsync(task.Id))[1].State);

        Assert.Equal(HttpStatusCode.NoContent, (await TasksScenario.UploadForItemAsync(browser, scenario.ClientId, scenario.FolderId, items[0].Id, "ledger.pdf", DocumentsScenario.Pdf(1500, seed: 3))).StatusCode);
        await Eventually.TrueAsync(async () => (await scenario.ItemsAsync(task.Id))[0].State == RequestItemState.Received, what: "the ledger to be received");

        // The note alone does not finish the request, nor can the client mark it done.
        Assert.Equal(TaskState.Open, (await scenario.TaskAsync(task.Id)).State);
        var token = await browser.AntiforgeryTokenAsync($"tasks/{task.Id}");
        var done = await browser.PostAsync($"tasks/{task.Id}?handler=Done", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("the request completes itself when the last one is done", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(TaskState.Open, (await scenario.TaskAsync(task.Id)).State);

        // A client cannot accept their own note.
        var forged = await browser.PostAsync($"admin/tasks/{task.Id}?handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["ItemId"] = items[1].Id.ToString(), ["__RequestVerificationToken"] = token }));
        TasksScenario.AssertRefused(forged);
        Assert.Equal(RequestItemState.NotAvailable, (await scenario.ItemsAsync(task.Id))[1].State);

        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff);
        var accepted = await staff.SubmitFormAsync($"admin/tasks/{task.Id}", new() { ["ItemId"] = items[1].Id.ToString() }, "form[action*='handler=Accept']");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(TaskState.Done, (await scenario.TaskAsync(task.Id)).State);
        Assert.Equal([TaskAuditActions.Created, TaskAuditActions.ItemNotAvailable, TaskAuditActions.ItemReceived, TaskAuditActions.ItemAccepted, TaskAuditActions.Completed], await scenario.AuditActionsAsync(task.Id));
    }

    [Theory, BothDatabases]
    public async Task An_upload_naming_an_item_it_may_not_answer_ticks_nothing_off(DatabaseProvider provider)
    {
        var scenario = await TasksScenario.CreateAsync(await apps.For(provider));
        var task = await scenario.CreateTaskAsync("Slips", ["T4 slip"], everyone: false, assignees: [scenario.ClientUser.Id]);
        var item = (await scenario.ItemsAsync(task.Id)).Single();

        // Another client's user names this item while uploading to their own client: the item stays waiting.
        var stranger = await scenario.App.AddClientAsync(scenario.Practice);
        var otherClient = await scenario.App.InPracticeAsync(scenario.Practice, sp => ClientsFixtures.CreateClientInPortalAsync(sp, "Harbour Bakery", [(stranger.Id, ClientAccessLevel.Full)]));
        var otherFolder = await scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<IClientFolders>().CreateAsync(otherClient, "Inbox", true, TasksScenario.Principal(scenario.Staff)));
        var strangerBrowser = await scenario.App.SignedInClientAsync(scenario.Practice, stranger);
        Assert.Equal(HttpStatusCode.NoContent, (await TasksScenario.UploadForItemAsync(strangerBrowser, otherClient, otherFolder.Id, item.Id, "t4.pdf", DocumentsScenario.Pdf(1200, seed: 4))).StatusCode);

        await scenario.AllEventsDispatchedAsync();
        Assert.Equal(RequestItemState.Waiting, (await scenario.ItemsAsync(task.Id)).Single().State);

        // The contributor, who is not assigned, cannot answer it either (the upload itself is refused: the folder is not shared with them).
        var contributor = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Contributor);
        await TasksScenario.UploadForItemAsync(contributor, scenario.ClientId, scenario.FolderId, item.Id, "theirs.pdf", DocumentsScenario.Pdf(1250, seed: 6));
        await scenario.AllEventsDispatchedAsync();
        Assert.Equal(RequestItemState.Waiting, (await scenario.ItemsAsync(task.Id)).Single().State);

        // The full-access user's upload answers it.
        var browser = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        Assert.Equal(HttpStatusCode.NoContent, (await TasksScenario.UploadForItemAsync(browser, scenario.ClientId, scenario.FolderId, item.Id, "mine.pdf", DocumentsScenario.Pdf(1300, seed: 5))).StatusCode);
        var received = await Eventually.GetAsync(async () => (await scenario.ItemsAsync(task.Id)).Single() is { State: RequestItemState.Received } i ? i : null, what: "the item to be received");
        var version = await scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<IClientDocumentFiles>().ListPdfsAsync(scenario.ClientId));
        Assert.Equal(version.Single(f => f.Name == "mine.pdf").VersionId, received.VersionId);
        Assert.Single(await scenario.AuditActionsAsync(task.Id), TaskAuditActions.ItemReceived);
    }
}
