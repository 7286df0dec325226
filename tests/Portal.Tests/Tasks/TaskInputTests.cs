using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Tasks.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Tasks;

/// <summary>Bad input on the task pages: a clear message at the field, the page again (no error page), nothing written.</summary>
public sealed class TaskInputTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_bad_new_task_is_refused_at_its_field_and_writes_nothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await TasksScenario.CreateAsync(app);
        var staff = await app.SignedInClientAsync(scenario.Practice, scenario.Staff);
        var removed = await app.AddClientAsync(scenario.Practice);
        var page = $"admin/tasks/new?clientId={scenario.ClientId}";
        var good = new Dictionary<string, string>
        {
            ["Input.Title"] = "Slips",
            ["Input.DueOn"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
            ["Input.Items"] = "T4 slip\nRRSP receipts",
            ["Input.FolderId"] = scenario.FolderId.ToString(),
        };

        var cases = new (string Field, Dictionary<string, string> Change, string Message)[]
        {
            ("Input.DueOn", new() { ["Input.DueOn"] = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd") }, "The due date is in the past"),
            ("Input.Assignees", new() { ["Input.Assignees"] = Guid.NewGuid().ToString() }, "is not a user of this client's portal"),
            ("Input.Assignees", new() { ["Input.Assignees"] = removed.Id.ToString() }, "is not a user of this client's portal"),
            ("Input.Title", new() { ["Input.Title"] = " " }, "Give the task a title"),
            ("Input.Title", new() { ["Input.Title"] = new string('x', 201) }, "Keep the title to 200 characters"),
            ("Input.Items", new() { ["Input.Items"] = "T4\nt4" }, "same name"),
            ("Input.FolderId", new() { ["Input.FolderId"] = Guid.NewGuid().ToString() }, "not one of this client's folders"),
            ("Input.Attachments", new() { ["Input.Attachments"] = Guid.NewGuid().ToString() }, "not among this client's documents"),
        };
        foreach (var (field, change, message) in cases)
        {
            var values = new Dictionary<string, string>(good);
            foreach (var (key, value) in change)
            {
                values[key] = value;
            }

            var response = await staff.SubmitFormAsync(page, values, "form[data-testid=task-form]");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
            var error = html.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";
            Assert.True(error.Contains(message, StringComparison.Ordinal), $"{field}: expected \"{message}\", got \"{error}\"");
        }

        Assert.Equal(0, await scenario.InTasksAsync(db => db.Tasks.CountAsync()));
        Assert.Equal(0, await scenario.InTasksAsync(db => db.Items.CountAsync()));

        // The same form, corrected, is accepted.
        var created = await staff.SubmitFormAsync(page, good, "form[data-testid=task-form]");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(2, await scenario.InTasksAsync(db => db.Items.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task Empty_or_huge_comments_and_empty_notes_are_refused_at_the_field(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await TasksScenario.CreateAsync(app);
        var task = await scenario.CreateTaskAsync("Slips", ["T4 slip"]);
        var item = (await scenario.ItemsAsync(task.Id)).Single();
        var client = await app.SignedInClientAsync(scenario.Practice, scenario.ClientUser);

        foreach (var (text, message) in new[] { ("", "Write a comment"), (new string('a', 1024 * 1024), "Keep a comment to 4,000 characters") })
        {
            var response = await client.SubmitFormAsync($"tasks/{task.Id}", new() { ["Comment"] = text }, "form[data-testid=comment-form]");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains(message, html.QuerySelector("[data-valmsg-for='Comment']")?.TextContent ?? "", StringComparison.Ordinal);
        }

        var noted = await client.SubmitFormAsync($"tasks/{task.Id}", new() { ["ItemId"] = item.Id.ToString(), ["Note"] = "  " }, "form[data-testid=not-available-form]");
        Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
        Assert.Contains("Say why you don't have this document", HtmlForms.Parse(await noted.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Note']")?.TextContent ?? "", StringComparison.Ordinal);

        Assert.Equal(0, await scenario.InTasksAsync(db => db.Comments.CountAsync()));
        Assert.Equal(RequestItemState.Waiting, (await scenario.ItemsAsync(task.Id)).Single().State);
    }
}
