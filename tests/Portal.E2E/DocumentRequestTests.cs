using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

/// <summary>
/// A document request from end to end: staff ask Jordan Lee for two documents; Jordan signs in, sees
/// the request first on the home page, uploads one file against each item with the portal's uploader;
/// the request completes itself; staff find both files under New files. On SQLite, with the demo
/// practice; names are unique per run.
/// </summary>
[Collection(DemoRemindersCollection.Name)]
public sealed class DocumentRequestTests(DemoAppFixture demo, BrowserFixture browser)
    : IClassFixture<DemoAppFixture>, IClassFixture<BrowserFixture>
{
    private const string ClientExternalId = "C-1001";
    private const string PortalName = "Lee household";

    [Fact]
    public async Task Staff_ask_for_two_documents_the_client_uploads_each_and_the_request_completes()
    {
        var practiceUrl = demo.App.PracticeUrl(DemoPractice.Name);
        var suffix = PracticeSite.RandomSuffix();
        var title = $"Two more slips {suffix}";
        string[] items = [$"T4A slip {suffix}", $"Donation receipts {suffix}"];
        string[] files = [$"t4a-{suffix}.pdf", $"donations-{suffix}.pdf"];

        // Staff create the request from the Tasks page: the client, two items, the folder, a due date soon.
        await using var staffContext = await browser.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        await PracticeSite.SignInAsync(staff, practiceUrl, DemoPractice.StaffEmail, AppProcess.DemoPassword);
        await staff.GetByRole(AriaRole.Navigation, new() { Name = "Practice admin" }).GetByRole(AriaRole.Link, new() { Name = "Tasks", Exact = true }).ClickAsync();
        await staff.GetByTestId("new-task").ClickAsync();
        await staff.GetByLabel("Client").FillAsync(ClientExternalId);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(staff.GetByTestId("task-client-name")).ToHaveTextAsync("Jordan Lee");
        await staff.GetByLabel("Title").FillAsync(title);
        await staff.GetByLabel("Due date").FillAsync(DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await staff.GetByLabel("Documents to ask for").FillAsync(string.Join("\n", items));
        await staff.GetByLabel("Put the client's files in").SelectOptionAsync(new SelectOptionValue { Label = "2025 Tax return / Slips and receipts" });
        await staff.GetByTestId("task-create").ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
        await Expect(staff.GetByTestId("task-state")).ToHaveTextAsync("Open");

        // The client signs in: the request is the first thing on the home page.
        await using var clientContext = await browser.NewContextAsync();
        var client = await clientContext.NewPageAsync();
        await PracticeSite.SignInAsync(client, practiceUrl, DemoPractice.ClientEmail, AppProcess.DemoPassword);
        await client.GetByRole(AriaRole.Button, new() { Name = $"Open {PortalName}" }).ClickAsync();
        await Expect(client.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Jordan Lee", Level = 1 })).ToBeVisibleAsync();
        var firstCard = client.GetByTestId("home-card").First;
        await Expect(firstCard.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Your tasks");
        await Expect(firstCard.GetByTestId("home-line").First).ToContainTextAsync(title);
        await firstCard.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(client.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();

        // One file against each item, through the portal's uploader; each item says when it arrived.
        for (var i = 0; i < items.Length; i++)
        {
            // The uploader says the batch is complete once the file is stored, then loads the page again:
            // wait for that call, so no reload of ours cuts the upload short.
            var uploader = client.GetByRole(AriaRole.Region, new() { Name = $"Send: {items[i]}" });
            var completed = client.WaitForResponseAsync(response => response.Url.EndsWith("/complete", StringComparison.Ordinal) && response.Request.Method == "POST");
            // Then the uploader loads the page again: wait for that page's load event before reloading ourselves.
            var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnLoad(object? sender, IPage page) => loaded.TrySetResult();
            client.Load += OnLoad;
            try
            {
                await PracticeSite.ChooseFilesAsync(uploader, [new FilePayload { Name = files[i], MimeType = "application/pdf", Buffer = SampleFiles.MinimalPdf($"{items[i]}") }]);
                Assert.True((await completed).Ok, "The uploader's batch-complete call failed.");
                await loaded.Task.WaitAsync(TimeSpan.FromMilliseconds(BrowserFixture.TimeoutMilliseconds));
            }
            finally
            {
                client.Load -= OnLoad;
            }

            await ReloadUntilAsync(client, client.Locator($"li[data-state=Received]").Filter(new() { HasText = items[i] }));
        }

        await ReloadUntilAsync(client, client.GetByTestId("task-state").Filter(new() { HasText = "Done" }));
        await Expect(client.GetByTestId("item-state")).ToHaveTextAsync(["Received", "Received"]);

        // Staff see the request done, and both files under New files.
        await staff.ReloadAsync();
        await Expect(staff.GetByTestId("task-state")).ToHaveTextAsync("Done");
        await staff.GetByRole(AriaRole.Navigation, new() { Name = "Practice admin" }).GetByRole(AriaRole.Link, new() { Name = "Documents", Exact = true }).ClickAsync();
        var newFiles = staff.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^New files") });
        foreach (var file in files)
        {
            await Expect(newFiles.GetByRole(AriaRole.Row).Filter(new() { HasText = file })).ToContainTextAsync("Jordan Lee");
        }
    }

    /// <summary>Reloads until the locator matches (the item is ticked off by the upload's event, just after the upload).</summary>
    private static async Task ReloadUntilAsync(IPage page, ILocator locator)
    {
        var stopwatch = Stopwatch.StartNew();
        while (await locator.CountAsync() == 0)
        {
            if (stopwatch.Elapsed >= TimeSpan.FromMilliseconds(BrowserFixture.TimeoutMilliseconds))
            {
                await Expect(locator).ToHaveCountAsync(1, new() { Timeout = 1 });
            }

            await page.ReloadAsync();
        }
    }
}
