using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

/// <summary>
/// Documents both ways through the browser uploader (tus) and downloads, with the bytes compared:
/// staff send files to a demo client and see them in the list at once, the client's portal user
/// sees them marked new until downloaded, sends one back (a file that is not what its name says is
/// refused on the way), staff download it from New files. And client uploads whose connection drops
/// carry on from where the server says they stand. On SQLite, with the demo practice; file names
/// are unique per run, so the tests do not depend on what else the demo practice holds.
/// </summary>
[Collection(DemoRemindersCollection.Name)]
public sealed class DocumentExchangeTests(DemoAppFixture demo, BrowserFixture browser)
    : IClassFixture<DemoAppFixture>, IClassFixture<BrowserFixture>
{
    /// <summary>Jordan Lee (C-1001), in the "Lee household" portal, where client@demo.example has full access.</summary>
    private const string ClientName = "Jordan Lee";
    private const string ClientExternalId = "C-1001";
    private const string PortalName = "Lee household";

    [Fact]
    public async Task Staff_and_client_exchange_documents_and_the_bytes_arrive_unchanged()
    {
        var practiceUrl = demo.App.PracticeUrl(DemoPractice.Name);
        var suffix = PracticeSite.RandomSuffix();
        var pdfName = $"engagement-letter-{suffix}.pdf";
        var csvName = $"trial-balance-{suffix}.csv";
        var replyName = $"receipts-{suffix}.csv";
        var disguisedName = $"signed-letter-{suffix}.pdf";
        var pdf = SampleFiles.MinimalPdf($"Engagement letter {suffix}");
        var csv = Encoding.UTF8.GetBytes($"Account,Debit,Credit\r\n1000 Cash,1250.00,\r\n4000 Sales,,1250.00\r\nRun,{suffix},\r\n");
        var reply = Encoding.UTF8.GetBytes($"Date,Shop,Amount\r\n2026-09-14,Harbour Hardware,42.50\r\n2026-09-15,Quay Café,7.80\r\nRun,{suffix},\r\n");

        // Staff send two files to the client from its documents page in the admin.
        await using var staffContext = await browser.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        await PracticeSite.SignInAsync(staff, practiceUrl, DemoPractice.StaffEmail, AppProcess.DemoPassword);
        var clientId = await OpenClientDocumentsAsStaffAsync(staff, practiceUrl);

        var staffUploader = staff.GetByRole(AriaRole.Region, new() { Name = $"Send documents to {ClientName}" });
        await Expect(staffUploader.GetByLabel("Put them in")).ToHaveValueAsync("");
        await staff.EvaluateAsync("() => { window.notReloaded = true; }");
        await PracticeSite.ChooseFilesAsync(staffUploader, new[]
        {
            new FilePayload { Name = pdfName, MimeType = "application/pdf", Buffer = pdf },
            new FilePayload { Name = csvName, MimeType = "text/csv", Buffer = csv },
        });
        await ExpectSentAsync(staffUploader, pdfName);
        await ExpectSentAsync(staffUploader, csvName);
        await Expect(staffUploader.GetByRole(AriaRole.Status).Filter(new() { HasText = "Done. 2 files sent" })).ToBeVisibleAsync();

        // The list below shows them at once, marked as just sent, without the page being reloaded.
        await Expect(DocumentRow(staff, pdfName)).ToContainTextAsync("Practice (Sam Patel)");
        await Expect(DocumentRow(staff, csvName)).ToContainTextAsync("Practice (Sam Patel)");
        await Expect(DocumentRow(staff, pdfName)).ToHaveClassAsync(new Regex(@"\bis-added\b"));
        Assert.True(await staff.EvaluateAsync<bool>("() => window.notReloaded === true"), "The page was reloaded to show the new files.");

        // The client's portal user sees them in their portal and downloads them: the same bytes.
        await using var clientContext = await browser.NewContextAsync();
        var client = await clientContext.NewPageAsync();
        // They are new to the client until downloaded.
        Assert.Equal(clientId, await OpenClientDocumentsAsClientAsync(client, practiceUrl));
        await Expect(DocumentRow(client, pdfName)).ToContainTextAsync("Your accountant (Sam Patel)");
        await Expect(NewMark(client, pdfName)).ToBeVisibleAsync();
        await Expect(NewMark(client, csvName)).ToBeVisibleAsync();
        await ExpectDownloadAsync(client, pdfName, pdf);
        await ExpectDownloadAsync(client, csvName, csv);
        await PracticeSite.ReloadUntilGoneAsync(client, NewMark(client, csvName));
        await Expect(NewMark(client, pdfName)).ToHaveCountAsync(0);

        // The client sends a file back, and with it one that is not what its name says: that one is
        // refused and shows as refused, not as a finished transfer. The sent one joins the list at once.
        var clientUploader = client.GetByRole(AriaRole.Region, new() { Name = $"Send documents to {DemoPractice.DisplayName}" });
        await PracticeSite.ChooseFilesAsync(clientUploader, new[]
        {
            new FilePayload { Name = replyName, MimeType = "text/csv", Buffer = reply },
            new FilePayload { Name = disguisedName, MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes($"Not a PDF, only text {suffix}") },
        });
        await ExpectSentAsync(clientUploader, replyName);
        var refused = clientUploader.Locator("[data-queue] > li").Filter(new() { HasText = disguisedName });
        await Expect(refused).ToHaveAttributeAsync("data-state", "is-failed");
        await Expect(refused.GetByRole(AriaRole.Status)).ToContainTextAsync("it was not accepted");
        await Expect(refused.Locator("progress")).ToBeHiddenAsync();
        await Expect(clientUploader.GetByRole(AriaRole.Status).Filter(new() { HasText = "Done. 1 file sent" })).ToBeVisibleAsync();
        await Expect(DocumentRow(client, replyName)).ToContainTextAsync("You (Jordan Lee)");
        await Expect(DocumentRow(client, disguisedName)).ToHaveCountAsync(0);

        // Staff find it under New files, download it (the same bytes), and it leaves the list.
        await staff.GetByRole(AriaRole.Navigation, new() { Name = "Practice admin" }).GetByRole(AriaRole.Link, new() { Name = "Documents", Exact = true }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Documents", Level = 1 })).ToBeVisibleAsync();
        var newFiles = staff.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^New files") });
        var newRow = newFiles.GetByRole(AriaRole.Row).Filter(new() { HasText = replyName });
        await Expect(newRow).ToContainTextAsync(ClientName);
        await Expect(newFiles.GetByRole(AriaRole.Row).Filter(new() { HasText = pdfName })).ToHaveCountAsync(0); // sent by staff, not new
        await ExpectDownloadAsync(staff, replyName, reply, newRow);
        await PracticeSite.ReloadUntilGoneAsync(staff, newRow);

        // It is still among the client's documents, no longer marked new.
        await staff.GotoAsync($"{practiceUrl}/admin/documents/clients/{clientId}");
        await Expect(DocumentRow(staff, replyName)).ToBeVisibleAsync();
        await Expect(NewMark(staff, replyName)).ToHaveCountAsync(0);

        // "Move selected to the trash" with nothing ticked says so beside the button, without asking
        // to trash nothing and without leaving the list.
        var questions = new List<string>();
        staff.Dialog += (_, dialog) =>
        {
            questions.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await staff.GetByRole(AriaRole.Button, new() { Name = "Move selected to the trash" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Main).GetByRole(AriaRole.Alert))
            .ToHaveTextAsync("Choose at least one document to move to the trash: tick the boxes beside the files.");
        Assert.Empty(questions);
        await Expect(DocumentRow(staff, replyName)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_client_upload_whose_connection_drops_resumes_from_the_offset_the_server_confirms()
    {
        // The practice's address under the platform's (/t/demo): route.FetchAsync sends the request from
        // Playwright's driver, outside Chromium, where demo.localhost does not resolve.
        var practiceUrl = demo.App.PracticePathUrl(DemoPractice.Name);
        var suffix = PracticeSite.RandomSuffix();
        var lostName = $"payslips-{suffix}.pdf";
        var storedName = $"mileage-log-{suffix}.csv";

        // Larger than the uploader's chunk (8 MiB), so it goes in two PATCHes after a bare creation; the
        // small file goes with its creation (tus creation-with-upload).
        var lost = new byte[(8 * 1024 * 1024) + 200_000];
        Random.Shared.NextBytes(lost);
        "%PDF-1.4\n"u8.CopyTo(lost);
        var stored = Encoding.UTF8.GetBytes($"Date,From,To,Miles\r\n2026-09-01,Office,Quay Road,12\r\nRun,{suffix},,\r\n");

        // Only the client takes part: they open their documents from the portal's navigation.
        await using var clientContext = await browser.NewContextAsync();
        var client = await clientContext.NewPageAsync();
        await OpenClientDocumentsAsClientAsync(client, practiceUrl);

        // Every tus request the uploader makes is noted. The connection drops three times: the large
        // file's first PATCH never reaches the server, and its second reaches it but the answer is
        // lost; the small file's creation, which carries the file, never reaches the server.
        var requests = new List<string>();
        var patches = 0;
        await client.RouteAsync(new Regex(@"/uploads(/[0-9a-fA-F-]{36})?$"), async route =>
        {
            var request = route.Request;
            var offset = await request.HeaderValueAsync("upload-offset");
            var withFile = request.Method == "POST" && await request.HeaderValueAsync("content-type") == "application/offset+octet-stream";
            var patch = request.Method == "PATCH" ? Interlocked.Increment(ref patches) : 0;
            var note = request.Method + (offset is null ? "" : " " + offset) + (withFile ? " with the file" : "");
            if (patch == 1 || withFile)
            {
                Note(note + " (cut off before the server)");
                await route.AbortAsync("connectionreset");
            }
            else if (patch == 3)
            {
                try
                {
                    var response = await route.FetchAsync();
                    Note($"{note} (answered {response.Status}, answer lost)");
                }
                catch (PlaywrightException ex)
                {
                    Note($"{note} (could not be passed on: {ex.Message})");
                }

                await route.AbortAsync("connectionreset");
            }
            else
            {
                Note(note);
                await route.ContinueAsync();
            }
        });

        var uploader = client.GetByRole(AriaRole.Region, new() { Name = $"Send documents to {DemoPractice.DisplayName}" });
        await PracticeSite.ChooseFilesAsync(uploader, new[]
        {
            new FilePayload { Name = lostName, MimeType = "application/pdf", Buffer = lost },
            new FilePayload { Name = storedName, MimeType = "text/csv", Buffer = stored },
        });
        await ExpectSentAsync(uploader, lostName);
        await ExpectSentAsync(uploader, storedName);

        // Each file was created once on the server. After each dropped PATCH the uploader asked the
        // server where the upload stood (HEAD): it sent the first chunk again from 0, and the second
        // not again at all. The small file, cut off with its creation, was created bare and PATCHed.
        string[] seen;
        lock (requests)
        {
            seen = [.. requests];
        }

        Assert.Equal(
            new[]
            {
                "POST", "PATCH 0 (cut off before the server)", "HEAD", "PATCH 0", "PATCH 8388608 (answered 204, answer lost)", "HEAD",
                "POST with the file (cut off before the server)", "POST", "PATCH 0",
            },
            seen);

        // Both arrived whole, once each (one document, version 1).
        await client.UnrouteAllAsync();
        await client.ReloadAsync();
        foreach (var (name, content) in new[] { (lostName, lost), (storedName, stored) })
        {
            var row = DocumentRow(client, name);
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync("You (Jordan Lee)");
            await Expect(row.GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("1");
            await ExpectDownloadAsync(client, name, content);
        }

        void Note(string request)
        {
            lock (requests)
            {
                requests.Add(request);
            }
        }
    }

    [Fact]
    public async Task A_tus_client_may_send_a_chunk_larger_than_the_servers_default_body_limit()
    {
        // Kestrel caps request bodies at 30,000,000 bytes unless an endpoint lifts the cap; tus clients
        // (not the browser uploader, which sends 8 MiB) may send far bigger chunks, with a checksum up
        // to 64 MiB. Through the real server, with the staff member's session cookies.
        var practiceUrl = demo.App.PracticePathUrl(DemoPractice.Name);
        await using var context = await browser.NewContextAsync();
        var staff = await context.NewPageAsync();
        await PracticeSite.SignInAsync(staff, practiceUrl, DemoPractice.StaffEmail, AppProcess.DemoPassword);
        var clientId = await OpenClientDocumentsAsStaffAsync(staff, practiceUrl);

        var data = new byte[40 * 1024 * 1024];
        Random.Shared.NextBytes(data);
        "%PDF-1.4\n"u8.CopyTo(data);
        var name = $"scanned-archive-{PracticeSite.RandomSuffix()}.pdf";
        var metadata = $"filename {Convert.ToBase64String(Encoding.UTF8.GetBytes(name))},clientId {Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId.ToString()))}";
        var created = await context.APIRequest.PostAsync($"{practiceUrl}/uploads", new()
        {
            Headers = new Dictionary<string, string> { ["Tus-Resumable"] = "1.0.0", ["Upload-Length"] = data.Length.ToString(CultureInfo.InvariantCulture), ["Upload-Metadata"] = metadata },
        });
        Assert.Equal(201, created.Status);
        var location = new Uri(new Uri(practiceUrl + "/"), created.Headers["location"]);

        var patched = await context.APIRequest.FetchAsync(location.ToString(), new()
        {
            Method = "PATCH",
            Headers = new Dictionary<string, string>
            {
                ["Tus-Resumable"] = "1.0.0",
                ["Content-Type"] = "application/offset+octet-stream",
                ["Upload-Offset"] = "0",
                ["Upload-Checksum"] = "sha256 " + Convert.ToBase64String(SHA256.HashData(data)),
            },
            DataByte = data,
        });
        Assert.True(patched.Status == 204, $"PATCH answered {patched.Status}: {await patched.TextAsync()}");
        Assert.Equal(data.Length.ToString(CultureInfo.InvariantCulture), patched.Headers["upload-offset"]);

        var download = await context.APIRequest.GetAsync($"{practiceUrl}/documents/versions/{patched.Headers["portal-document-version"]}/download");
        Assert.Equal(200, download.Status);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), Convert.ToHexStringLower(SHA256.HashData(await download.BodyAsync())));
    }

    /// <summary>Finds the demo client in the admin's client list and opens its documents; returns its id.</summary>
    private static async Task<Guid> OpenClientDocumentsAsStaffAsync(IPage staff, string practiceUrl)
    {
        var nav = staff.GetByRole(AriaRole.Navigation, new() { Name = "Practice admin" });
        await nav.GetByRole(AriaRole.Link, new() { Name = "Clients", Exact = true }).ClickAsync();
        await staff.GetByLabel("Search clients").FillAsync(ClientExternalId);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await staff.GetByTestId("clients").GetByRole(AriaRole.Link, new() { Name = ClientName, Exact = true }).ClickAsync();
        await Expect(staff).ToHaveURLAsync(new Regex($"^{Regex.Escape(practiceUrl)}/admin/clients/[0-9a-f-]{{36}}$"));
        var clientId = Guid.Parse(new Uri(staff.Url).Segments[^1]);

        await staff.GetByRole(AriaRole.Navigation, new() { Name = $"Work with {ClientName}" })
            .GetByRole(AriaRole.Link, new() { Name = "Documents", Exact = true }).ClickAsync();
        await Expect(staff).ToHaveURLAsync($"{practiceUrl}/admin/documents/clients/{clientId}");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = ClientName, Level = 1 })).ToBeVisibleAsync();
        return clientId;
    }

    /// <summary>Signs in as the demo client user, chooses the portal and opens the client's documents; returns the client's id.</summary>
    private static async Task<Guid> OpenClientDocumentsAsClientAsync(IPage client, string practiceUrl)
    {
        await PracticeSite.SignInAsync(client, practiceUrl, DemoPractice.ClientEmail, AppProcess.DemoPassword);

        // client@demo.example is in two portals, so they choose one first.
        await Expect(client.GetByRole(AriaRole.Heading, new() { Name = "Choose a portal", Level = 1 })).ToBeVisibleAsync();
        await client.GetByRole(AriaRole.Button, new() { Name = $"Open {PortalName}" }).ClickAsync();
        await Expect(client.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Jordan Lee", Level = 1 })).ToBeVisibleAsync();

        await client.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Documents" }).ClickAsync();
        await client.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = ClientName, Exact = true }).ClickAsync();
        await Expect(client).ToHaveURLAsync(new Regex($"^{Regex.Escape(practiceUrl)}/documents/[0-9a-f-]{{36}}$"));
        await Expect(client.GetByRole(AriaRole.Heading, new() { Name = ClientName, Level = 1 })).ToBeVisibleAsync();
        return Guid.Parse(new Uri(client.Url).Segments[^1]);
    }

    /// <summary>Waits for a file's line in the uploader's transfer queue to say it was sent.</summary>
    private static async Task ExpectSentAsync(ILocator uploader, string fileName)
    {
        var transfer = uploader.Locator("[data-queue] > li").Filter(new() { HasText = fileName });
        await Expect(transfer.GetByRole(AriaRole.Status)).ToHaveTextAsync("Sent");
        await Expect(transfer).ToHaveAttributeAsync("data-state", "is-done");
    }

    /// <summary>The "New" mark on a document's row.</summary>
    private static ILocator NewMark(IPage page, string fileName)
        => DocumentRow(page, fileName).GetByText("New", new() { Exact = true });

    /// <summary>The row of a document in a document table (by its exact name).</summary>
    private static ILocator DocumentRow(IPage page, string fileName)
        => page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = fileName, Exact = true }) });

    /// <summary>Clicks the file's link and checks the browser saved exactly <paramref name="expected"/> under its name.</summary>
    private static async Task ExpectDownloadAsync(IPage page, string fileName, byte[] expected, ILocator? within = null)
    {
        var link = (within ?? DocumentRow(page, fileName)).GetByRole(AriaRole.Link, new() { Name = fileName, Exact = true });
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Null(await download.FailureAsync());
        Assert.Equal(fileName, download.SuggestedFilename);
        var saved = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(saved);
        Assert.Equal(expected.Length, bytes.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expected)), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
