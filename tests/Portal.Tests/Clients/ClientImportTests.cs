using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Portal.Clients.Services;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Clients;

/// <summary>Bulk import from CSV: a preview of every row, then all rows or none.</summary>
public sealed class ClientImportTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_file_with_good_and_bad_rows_imports_nothing_and_names_each_bad_row(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        await app.AddClientRecordAsync(practice, "Existing Client", "EX-1");
        var browser = await app.SignedInClientAsync(practice, await app.AddStaffAsync(practice));

        const string csv = "Name,Kind,Email,Phone,Address,ExternalId,Notes\n"
            + "Good One,Individual,good@one.example,,,G-1,\n"              // line 2 (duplicate id with line 8)
            + ",Individual,nobody@example.com,,,G-2,\n"                     // line 3: no name
            + "Bad Mail,Business,fine@example.com;bad@,,,G-3,\n"            // line 4: bad e-mail
            + "Wrong Kind,Company,,,,G-4,\n"                                // line 5: bad kind
            + "Two Lines,Business,,,\"1 Street\nTown\",G-5,\n"              // lines 6-7: fine
            + "Dup Within,Individual,,,,G-1,\n"                              // line 8: duplicate in the file
            + "Dup Existing,individual,,,,EX-1,\n";                          // line 9: duplicate of a client
        var response = await UploadAsync(browser, "clients.csv", csv);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        var errors = page.QuerySelectorAll("[data-testid=import-errors] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains(errors, e => e.StartsWith("Line 3, Name:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Line 4, E-mail: 'bad@'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Line 5, Kind: 'Company'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Line 8, External ID: 'G-1' is also on line 2", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Line 2, External ID: 'G-1' is also on line 8", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Line 9, External ID:", StringComparison.Ordinal) && e.Contains("Existing Client", StringComparison.Ordinal));
        Assert.Equal(6, errors.Count);
        Assert.Equal(["2", "3", "4", "5", "6", "8", "9"], page.QuerySelectorAll("[data-testid=import-preview] tbody tr").Select(tr => tr.GetAttribute("data-line")!).ToList());
        Assert.Equal(6, page.QuerySelectorAll("[data-testid=import-preview] tr.has-error").Length);
        Assert.Null(page.QuerySelector("[data-testid=confirm-import]"));
        Assert.Equal(1, await app.InClientsDbAsync(practice, db => db.Clients.CountAsync()));
        Assert.Equal(0, await app.InClientsDbAsync(practice, db => db.PendingImports.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task A_clean_file_imports_every_row_in_one_go_and_importing_it_again_is_refused_as_duplicates(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var browser = await app.SignedInClientAsync(practice, await app.AddStaffAsync(practice));
        const string csv = "ExternalId,Name,Email,Kind\r\n"
            + "D-1,Jordan Lee,jordan@example.com;jordan.lee@work.example,\r\n"
            + "D-2,Harbour Bakery Ltd,accounts@harbour.example,Business\r\n"
            + "D-3,Priya Shah,,INDIVIDUAL\r\n";

        var preview = await UploadAsync(browser, "desktop-export.csv", csv, byteOrderMark: true);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = HtmlForms.Parse(await preview.Content.ReadAsStringAsync());
        Assert.Equal(3, page.QuerySelectorAll("[data-testid=import-preview] tbody tr").Length);
        Assert.Equal(0, await app.InClientsDbAsync(practice, db => db.Clients.CountAsync()));

        // The rows wait on the server: confirming needs no second upload.
        var confirmForm = page.QuerySelector<IHtmlFormElement>("form[action*='handler=Confirm']")!;
        var confirmed = await browser.PostFormAsync(confirmForm, [], "admin/clients/import");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("3 clients were imported", (await browser.GetDocumentAsync(confirmed.Headers.Location!.ToString())).QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        var clients = await app.InClientsDbAsync(practice, db => db.Clients.Include(c => c.Emails).OrderBy(c => c.ExternalId).ToListAsync());
        Assert.Equal(["Jordan Lee", "Harbour Bakery Ltd", "Priya Shah"], clients.Select(c => c.Name).ToList());
        Assert.Equal(["jordan@example.com", "jordan.lee@work.example"], clients[0].Emails.OrderBy(e => e.Position).Select(e => e.Email).ToList());
        Assert.Equal(Portal.Clients.Models.ClientKind.Business, clients[1].Kind);
        Assert.Contains("clients.client.imported", await app.AuditActionsAsync(practice));

        // The same preview cannot be imported twice.
        var twice = await browser.PostFormAsync(confirmForm, [], "admin/clients/import");
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Equal(3, await app.InClientsDbAsync(practice, db => db.Clients.CountAsync()));

        var again = await UploadAsync(browser, "desktop-export.csv", csv);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var refused = HtmlForms.Parse(await again.Content.ReadAsStringAsync());
        var errors = refused.QuerySelectorAll("[data-testid=import-errors] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains("Line 2, External ID: 'D-1' is already used by Jordan Lee.", errors);
        Assert.Contains("Line 4, External ID: 'D-3' is already used by Priya Shah.", errors);
        Assert.Null(refused.QuerySelector("[data-testid=confirm-import]"));
        Assert.Equal(3, await app.InClientsDbAsync(practice, db => db.Clients.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task A_conflict_that_appears_after_the_preview_rolls_back_the_whole_import(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var browser = await app.SignedInClientAsync(practice, await app.AddStaffAsync(practice));
        var preview = await UploadAsync(browser, "late.csv", "Name,ExternalId\nFirst,L-1\nSecond,L-2\n");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var confirmForm = HtmlForms.Parse(await preview.Content.ReadAsStringAsync()).QuerySelector<IHtmlFormElement>("form[action*='handler=Confirm']")!;

        await app.AddClientRecordAsync(practice, "Meanwhile", "L-2");
        var confirmed = await browser.PostFormAsync(confirmForm, [], "admin/clients/import");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, confirmed.StatusCode);
        Assert.Contains("Line 3, External ID", HtmlForms.Parse(await confirmed.Content.ReadAsStringAsync()).QuerySelector("[data-testid=import-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Meanwhile"], await app.InClientsDbAsync(practice, db => db.Clients.Select(c => c.Name).ToListAsync()));
    }

    [Fact]
    public async Task The_template_downloads_and_imports_cleanly_and_other_files_are_refused_clearly()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        var browser = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));

        var template = await browser.GetAsync("admin/clients/import?handler=Template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal("text/csv", template.Content.Headers.ContentType!.MediaType);
        Assert.Equal("clients-template.csv", template.Content.Headers.ContentDisposition!.FileNameStar ?? template.Content.Headers.ContentDisposition.FileName);
        var bytes = await template.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(browser, "clients-template.csv", bytes)).StatusCode);

        var notCsv = await UploadAsync(browser, "clients.xlsx", "Name\nX\n");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notCsv.StatusCode);
        Assert.Contains("Choose a .csv file", HtmlForms.Parse(await notCsv.Content.ReadAsStringAsync()).QuerySelector("#file-error")!.TextContent, StringComparison.Ordinal);

        var tooBig = await UploadAsync(browser, "big.csv", new byte[(int)ClientImporter.MaxFileBytes + 10]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooBig.StatusCode);
        Assert.Contains("larger than 5 MB", HtmlForms.Parse(await tooBig.Content.ReadAsStringAsync()).QuerySelector("#file-error")!.TextContent, StringComparison.Ordinal);

        var unknownColumn = await UploadAsync(browser, "x.csv", "Name,Emial\nX,x@example.com\n");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownColumn.StatusCode);
        Assert.Contains("'Emial' is not a column", HtmlForms.Parse(await unknownColumn.Content.ReadAsStringAsync()).QuerySelector("[data-testid=import-errors]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reader_reports_lines_layout_and_encoding_problems()
    {
        var (rows, errors) = await ClientCsv.ReadAsync(Encoding.UTF8.GetBytes("name , e-mail, External ID\n\nA,a@x.example,1\n\"B\nB\",,2\nC,c@x.example,3,extra\n"));
        Assert.Empty(errors);
        Assert.Equal([3, 4, 6], rows.Select(r => r.Line).ToList());
        Assert.Equal("B\nB", rows[1].Name);
        Assert.Null(rows[0].Layout);
        Assert.Contains("4 values but the header has 3 columns", rows[2].Layout, StringComparison.Ordinal);

        Assert.Contains("no Name column", (await ClientCsv.ReadAsync(Encoding.UTF8.GetBytes("Email\na@x.example\n"))).FileErrors[0], StringComparison.Ordinal);
        Assert.Contains("appears twice", (await ClientCsv.ReadAsync(Encoding.UTF8.GetBytes("Name,Email,E-mail\nA,,\n"))).FileErrors[0], StringComparison.Ordinal);
        Assert.Contains("no clients", (await ClientCsv.ReadAsync(Encoding.UTF8.GetBytes("Name\n\n"))).FileErrors[0], StringComparison.Ordinal);
        Assert.Contains("not UTF-8", (await ClientCsv.ReadAsync([.. Encoding.UTF8.GetBytes("Name\nRen"), 0xE9, (byte)'\n'])).FileErrors[0], StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient browser, string fileName, string csv, bool byteOrderMark = false)
        => UploadAsync(browser, fileName, byteOrderMark ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)] : Encoding.UTF8.GetBytes(csv));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string fileName, byte[] bytes)
    {
        var token = await browser.AntiforgeryTokenAsync("admin/clients/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", fileName);
        return await browser.PostAsync("admin/clients/import", content);
    }
}
