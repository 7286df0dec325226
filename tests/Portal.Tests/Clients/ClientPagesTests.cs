using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Portal.Clients.Models;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Clients;

/// <summary>Staff work with clients through the admin pages: create, edit, archive, find.</summary>
public sealed class ClientPagesTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Staff_create_edit_archive_and_restore_a_client(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var staff = await app.AddStaffAsync(practice);
        var browser = await app.SignedInClientAsync(practice, staff);

        var created = await browser.SubmitFormAsync("admin/clients/new", new()
        {
            ["Input.Kind"] = "Business",
            ["Input.Name"] = "  Harbour Bakery Ltd ",
            ["Input.Emails"] = "owner@harbour.example; accounts@harbour.example",
            ["Input.Phone"] = "+1 555 0133",
            ["Input.Address"] = "3 Quay Road\nSpringfield",
            ["Input.ExternalId"] = "C-77",
            ["Input.Notes"] = "Quarterly returns.",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var path = created.Headers.Location!.ToString().TrimStart('/');
        Assert.Matches("^admin/clients/[0-9a-f-]{36}$", path);

        var page = await browser.GetDocumentAsync(path);
        Assert.Equal("Harbour Bakery Ltd", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Harbour Bakery Ltd was added", page.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("owner@harbour.example; accounts@harbour.example", Value(page, "Input.Emails"));
        Assert.Equal("C-77", Value(page, "Input.ExternalId"));
        Assert.True(page.QuerySelector<IHtmlInputElement>("input[name='Input.Kind'][value=Business]")!.IsChecked);

        var edited = await browser.SubmitFormAsync(path, new() { ["Input.Name"] = "Harbour Bakery Limited", ["Input.Emails"] = "accounts@harbour.example" }, "form.form");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        page = await browser.GetDocumentAsync(path);
        Assert.Equal("Harbour Bakery Limited", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("accounts@harbour.example", Value(page, "Input.Emails"));
        var clientId = Guid.Parse(path[^36..]);
        Assert.Equal(1, await app.InClientsDbAsync(practice, db => db.ClientEmails.CountAsync(e => e.ClientId == clientId)));

        var archived = await browser.SubmitFormAsync(path, [], "form[action*='handler=Archive']");
        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        page = await browser.GetDocumentAsync(path);
        Assert.Equal("Archived", page.QuerySelector("[data-testid=client-status]")!.TextContent.Trim());
        Assert.Null((await browser.GetDocumentAsync("admin/clients")).QuerySelector($"tr[data-client='{clientId}']"));
        Assert.NotNull((await browser.GetDocumentAsync("admin/clients?status=Archived")).QuerySelector($"tr[data-client='{clientId}']"));

        var restored = await browser.SubmitFormAsync(path, [], "form[action*='handler=Restore']");
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.NotNull((await browser.GetDocumentAsync("admin/clients")).QuerySelector($"tr[data-client='{clientId}']"));

        var actions = await app.AuditActionsAsync(practice);
        Assert.Contains("clients.client.created", actions);
        Assert.Contains("clients.client.updated", actions);
        Assert.Contains("clients.client.archived", actions);
        Assert.Contains("clients.client.restored", actions);
    }

    [Theory, BothDatabases]
    public async Task A_form_with_problems_is_refused_with_clear_messages_and_keeps_what_was_typed(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var existing = await app.AddClientRecordAsync(practice, "Jordan Lee", "C-1");
        var browser = await app.SignedInClientAsync(practice, await app.AddStaffAsync(practice));

        var response = await browser.SubmitFormAsync("admin/clients/new", new()
        {
            ["Input.Name"] = " ",
            ["Input.Emails"] = "good@example.com; not-an-email",
            ["Input.Phone"] = "+1 555 0100",
            ["Input.ExternalId"] = "C-1",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Enter the client's name", page.QuerySelector("#name-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("'not-an-email' is not an e-mail address", page.QuerySelector("#emails-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("already used by Jordan Lee", page.QuerySelector("#externalid-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("good@example.com; not-an-email", Value(page, "Input.Emails"));
        Assert.Equal("+1 555 0100", Value(page, "Input.Phone"));
        Assert.Equal("name-help name-error", page.QuerySelector("input[name='Input.Name']")!.GetAttribute("aria-describedby"));
        Assert.Equal(1, await app.InClientsDbAsync(practice, db => db.Clients.CountAsync()));

        var edit = await browser.SubmitFormAsync($"admin/clients/{existing.Id}", new() { ["Input.Name"] = "", ["Input.Notes"] = "kept note" }, "form.form");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, edit.StatusCode);
        var editPage = HtmlForms.Parse(await edit.Content.ReadAsStringAsync());
        Assert.Contains("Enter the client's name", editPage.QuerySelector("#name-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("kept note", editPage.QuerySelector("textarea[name='Input.Notes']")!.TextContent.Trim());
        Assert.Equal("Jordan Lee", await app.InClientsDbAsync(practice, db => db.Clients.Select(c => c.Name).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task The_list_searches_sorts_filters_and_pages(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        for (var i = 1; i <= 28; i++)
        {
            await app.AddClientRecordAsync(practice, $"Member {i:00}");
        }

        var zed = await app.AddClientRecordAsync(practice, "zed Holdings", "EXT-ZED", ClientKind.Business, "office@zedholdings.example");
        var ann = await app.AddClientRecordAsync(practice, "Ann Able", null, ClientKind.Individual, "ann@able.example", "ann.able@work.example");
        var browser = await app.SignedInClientAsync(practice, await app.AddStaffAsync(practice));

        var first = await browser.GetDocumentAsync("admin/clients");
        Assert.Equal(25, Rows(first).Count);
        Assert.Equal("30 clients", first.QuerySelector("[data-testid=client-count]")!.TextContent.Trim());
        Assert.Equal("Ann Able", Rows(first)[0]);
        Assert.Contains("Page 1 of 2", first.QuerySelector(".pager")!.TextContent, StringComparison.Ordinal);
        var next = first.QuerySelector<IHtmlAnchorElement>(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("sort=name", next, StringComparison.Ordinal);
        Assert.Equal(5, Rows(await browser.GetDocumentAsync("admin/clients" + next)).Count);

        // Sorting ignores case on both databases ("zed Holdings" sorts last, not first).
        Assert.Equal("zed Holdings", Rows(await browser.GetDocumentAsync("admin/clients?sort=name&dir=desc"))[0]);
        Assert.Equal("zed Holdings", Rows(await browser.GetDocumentAsync("admin/clients?sort=kind"))[0]);
        Assert.Equal("Ann Able", Rows(await browser.GetDocumentAsync("admin/clients?sort=created&dir=desc"))[0]);
        Assert.Equal("Member 01", Rows(await browser.GetDocumentAsync("admin/clients?sort=created&dir=asc"))[0]);
        var sorted = await browser.GetDocumentAsync("admin/clients?sort=kind&dir=desc");
        Assert.Equal("descending", sorted.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));

        Assert.Equal(["zed Holdings"], Rows(await browser.GetDocumentAsync("admin/clients?q=ZEDHOLDINGS.example")));
        Assert.Equal(["zed Holdings"], Rows(await browser.GetDocumentAsync("admin/clients?q=ext-zed")));
        Assert.Equal(["Ann Able"], Rows(await browser.GetDocumentAsync("admin/clients?q=ann.able@work")));
        Assert.Equal(["Ann Able"], Rows(await browser.GetDocumentAsync("admin/clients?q=ANN")));
        Assert.Contains("No active client matches", (await browser.GetDocumentAsync("admin/clients?q=nobody-at-all")).QuerySelector(".empty")!.TextContent, StringComparison.Ordinal);

        var archive = await browser.SubmitFormAsync($"admin/clients/{zed.Id}", [], "form[action*='handler=Archive']");
        Assert.Equal(HttpStatusCode.Redirect, archive.StatusCode);
        Assert.Empty(Rows(await browser.GetDocumentAsync("admin/clients?q=zed")));
        Assert.Equal(["zed Holdings"], Rows(await browser.GetDocumentAsync("admin/clients?status=Archived&q=zed")));

        // Unknown values in a hand-edited address fall back to the defaults.
        var fallback = await browser.GetDocumentAsync("admin/clients?status=bogus&sort=bogus&dir=sideways&page=99");
        Assert.Equal(4, Rows(fallback).Count);
        Assert.Contains("Page 2 of 2", fallback.QuerySelector(".pager")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Ann Able"], Rows(await browser.GetDocumentAsync($"admin/clients?q={ann.ExternalId ?? "able.example"}")));
    }

    private static string? Value(IDocument page, string name)
        => page.QuerySelector<IHtmlInputElement>($"input[name='{name}']")?.Value;

    private static List<string> Rows(IDocument page)
        => page.QuerySelectorAll("table[data-testid=clients] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
}
