using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

/// <summary>
/// Desktop sync as a practice meets it: portal-sync makes a sample data file, logs in (the practice
/// administrator approves it in Chromium, and the tab ends on "you can close this tab"), and runs; a
/// run killed mid-way (kill -9) is completed by the next, with no client twice; the contacts are the
/// practice's clients; a second run moves nothing; a client's upload comes back to the local folder
/// on the next run. On its own application process (SQLite, demo practice), so the synced
/// clients never reach the pages other classes look at.
/// </summary>
public sealed class DesktopSyncTests(SyncAppFixture app, BrowserFixture browser)
    : IClassFixture<SyncAppFixture>, IClassFixture<BrowserFixture>, IDisposable
{
    private const int Contacts = 600;
    private const string PortalName = "Lee household";
    private const string ClientName = "Jordan Lee";

    private readonly string _folder = Directory.CreateTempSubdirectory("portal-sync-e2e-").FullName;

    [Fact]
    public async Task A_practice_approves_portal_sync_in_the_browser_syncs_its_data_and_gets_its_clients_uploads_back()
    {
        var practiceUrl = app.App.PracticeUrl(DemoPractice.Name);
        var home = Path.Combine(_folder, "profile");
        var data = Path.Combine(_folder, "practice.sqlite");
        var downloads = Path.Combine(_folder, "downloads");

        var sample = await SyncProgram.RunAsync(home, "sample-data", data, "--contacts", $"{Contacts}", "--seed", "7", "--staff", $"{DemoPractice.AdminEmail},{DemoPractice.StaffEmail}");
        Assert.True(sample.ExitCode == 0, sample.Output);

        // Login: the program prints the approval address; the administrator opens it, sees who asks, approves.
        await using var staffContext = await browser.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        await PracticeSite.SignInAsync(staff, practiceUrl, DemoPractice.AdminEmail, AppProcess.DemoPassword);
        await using (var login = SyncProgram.Start(home, "login", practiceUrl, "--no-browser"))
        {
            var address = await login.WaitForLineAsync(line => line.Contains("/admin/connect/authorize?", StringComparison.Ordinal));
            await staff.GotoAsync(address.Trim());
            await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Connect Portal Sync");
            await staff.GetByTestId("consent-approve").ClickAsync();
            await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "You can close this tab", Level = 1 })).ToBeVisibleAsync();
            await Expect(staff.GetByTestId("finished-outcome")).ToContainTextAsync("You approved");
            Assert.True(await login.WaitForExitAsync() == 0, login.Output);
            Assert.Contains("Connected to", login.Output, StringComparison.Ordinal);
        }

        // The first run is killed (kill -9) once the portal holds some of its clients, and before it ends.
        await using (var killed = SyncProgram.Start(home, "run", "--data", data, "--downloads", downloads))
        {
            var waiting = System.Diagnostics.Stopwatch.StartNew();
            while (await SyncedClientsAsync(staff, practiceUrl) == 0)
            {
                Assert.False(killed.HasExited, $"The run ended before the portal showed a client:{Environment.NewLine}{killed.Output}");
                Assert.True(waiting.Elapsed < TestEnvironment.StallTimeout, $"No client reached the portal:{Environment.NewLine}{killed.Output}");
            }

            Assert.False(killed.HasExited, $"The run ended before it could be killed:{Environment.NewLine}{killed.Output}");
            await killed.KillAsync();
        }

        // The portal may still be ending the request the killed run left: wait until its count holds.
        var synced = await SyncedClientsAsync(staff, practiceUrl);
        for (var again = await SyncedClientsAsync(staff, practiceUrl); again != synced; again = await SyncedClientsAsync(staff, practiceUrl))
        {
            synced = again;
        }

        Assert.InRange(synced, 1, Contacts - 1);

        // The next run completes it and ends cleanly: every contact is one client, none twice.
        var first = await SyncProgram.RunAsync(home, "run", "--data", data, "--downloads", downloads);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("Finished syncing.", first.Output, StringComparison.Ordinal);
        await staff.GotoAsync($"{practiceUrl}/admin/clients?q=C-0");
        await Expect(staff.GetByTestId("client-count")).ToHaveTextAsync($"{Contacts} clients");

        // The connection is on Connected apps, used just now.
        await staff.GotoAsync($"{practiceUrl}/admin/connected-apps");
        await Expect(staff.GetByRole(AriaRole.Main)).ToContainTextAsync("Portal Sync");

        // Nothing changed: the second run sends nothing and downloads nothing.
        var second = await SyncProgram.RunAsync(home, "run");
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("Nothing changed in", second.Output, StringComparison.Ordinal);
        Assert.Contains("downloaded 0 new client file(s)", second.Output, StringComparison.Ordinal);

        // A client sends a file; the next run brings it to the client's folder on this computer.
        var fileName = $"question-{PracticeSite.RandomSuffix()}.pdf";
        var bytes = SampleFiles.MinimalPdf($"A question for the practice {fileName}");
        await using var clientContext = await browser.NewContextAsync();
        var client = await clientContext.NewPageAsync();
        await PracticeSite.SignInAsync(client, practiceUrl, DemoPractice.ClientEmail, AppProcess.DemoPassword);
        await client.GetByRole(AriaRole.Button, new() { Name = $"Open {PortalName}" }).ClickAsync();
        await client.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Documents" }).ClickAsync();
        await client.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = ClientName, Exact = true }).ClickAsync();
        var uploader = client.GetByRole(AriaRole.Region, new() { Name = $"Send documents to {DemoPractice.DisplayName}" });
        await PracticeSite.ChooseFilesAsync(uploader, [new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = bytes }]);
        await Expect(uploader.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex("Done\\. 1 file sent") })).ToBeVisibleAsync();

        // The portal offers a client's file once its malware scan is done: run until it comes (as watch would).
        var arrived = new List<string>();
        var runs = new List<string>();
        while (arrived.Count == 0 && runs.Count < 20)
        {
            var next = await SyncProgram.RunAsync(home, "run");
            Assert.True(next.ExitCode == 0, next.Output);
            runs.Add(next.Output);
            arrived = Directory.Exists(downloads) ? Directory.EnumerateFiles(downloads, fileName, SearchOption.AllDirectories).ToList() : [];
        }

        Assert.True(arrived.Count == 1, $"{fileName} is not in {downloads} once after {runs.Count} runs:{Environment.NewLine}{string.Join(Environment.NewLine, runs)}");
        Assert.Equal(bytes, await File.ReadAllBytesAsync(arrived[0]));

        // Logging out revokes the connection: a run afterwards says to log in again, without a stack trace.
        var logout = await SyncProgram.RunAsync(home, "logout");
        Assert.True(logout.ExitCode == 0, logout.Output);
        var afterLogout = await SyncProgram.RunAsync(home, "run");
        Assert.NotEqual(0, afterLogout.ExitCode);
        Assert.Contains("portal-sync login", afterLogout.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", afterLogout.Output, StringComparison.Ordinal);
    }

    /// <summary>How many of the sample's clients (external ids C-00001 on) the practice's client list shows.</summary>
    private static async Task<int> SyncedClientsAsync(IPage staff, string practiceUrl)
    {
        await staff.GotoAsync($"{practiceUrl}/admin/clients?q=C-0");
        var count = staff.GetByTestId("client-count");
        if (await count.CountAsync() == 0)
        {
            // No client matches yet: the list says so instead of counting.
            await Expect(staff.Locator("p.empty")).ToContainTextAsync("No active client matches");
            return 0;
        }

        return int.Parse((await count.TextContentAsync() ?? "").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a program the test killed: the temporary folder is cleaned by the machine.
        }
    }
}
