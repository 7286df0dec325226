using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Audit.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Audit;

/// <summary>The practice admin's audit trail page: list, filters, paging, verification, CSV export, access.</summary>
public sealed class AuditTrailPageTests(ClassApps apps) : IClassFixture<ClassApps>
{
    [Theory, BothDatabases]
    public async Task The_page_lists_events_newest_first_with_their_columns(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.AddAdministratorAsync(practice);
        var action = AuditTestData.UniqueAction("listed");
        await app.RecordAsync(practice, new AuditEntry(action, "user", "first-target", "the first one") { ActorName = "first@tests.example" });
        await app.RecordAsync(practice, new AuditEntry(action, "user", "second-target", "the second one") { ActorName = "second@tests.example" });
        var browser = await app.SignedInClientAsync(practice, admin);

        var page = await browser.GetDocumentAsync("admin/audit");

        Assert.Equal("Audit trail", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(
            ["#", "When (UTC)", "What happened", "Details", "IP"],
            page.QuerySelectorAll("table thead th").Select(th => th.TextContent.Trim()));
        var rows = page.QuerySelectorAll("table tbody tr").Where(r => r.GetAttribute("data-action") == action).ToList();
        Assert.Equal(2, rows.Count);

        // An action no module describes (as one of a module removed since) still reads: its code in words, its target as recorded.
        var readable = AuditActionCatalog.Readable(action);
        var cells = rows[0].QuerySelectorAll("td").Select(td => AuditTestData.Text(td.TextContent)).ToList();
        Assert.Equal($"second@tests.example did “{readable}”: the second one", cells[2]);
        Assert.Equal(action, rows[0].GetAttribute("data-action"));
        Assert.DoesNotContain(action, rows[0].TextContent, StringComparison.Ordinal);
        var sequences = page.QuerySelectorAll("table tbody tr").Select(r => long.Parse(r.GetAttribute("data-sequence")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(sequences.OrderDescending(), sequences);
        Assert.Contains(page.QuerySelectorAll("#filter-action option"), o => o.GetAttribute("value") == action && o.TextContent == readable);
        Assert.All(page.QuerySelectorAll("main input, main select").Where(i => i.GetAttribute("type") != "hidden"), input =>
            Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']")));
        Assert.Contains(page.QuerySelectorAll(".admin-nav a"), a => a.TextContent == "Audit trail" && a.GetAttribute("href") == "/admin/audit");
    }

    [Theory, BothDatabases]
    public async Task The_page_filters_by_action_actor_and_date_and_pages_by_fifty(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.AddAdministratorAsync(practice);
        var paged = AuditTestData.UniqueAction("paged");
        var other = AuditTestData.UniqueAction("other");
        await app.SeedChainAsync(practice, 120, paged);
        await app.RecordAsync(practice, new AuditEntry(other, Details: "not paged") { ActorName = "Needle.Person@Tests.Example" });
        var browser = await app.SignedInClientAsync(practice, admin);

        // By action, with pages of 50 that keep the filter.
        var first = await browser.GetDocumentAsync($"admin/audit?action={paged}");
        Assert.Equal(50, first.QuerySelectorAll("table tbody tr").Length);
        Assert.All(first.QuerySelectorAll("table tbody tr"), tr => Assert.Equal(paged, tr.GetAttribute("data-action")));
        Assert.Equal(paged, first.QuerySelector("#filter-action option[selected]")!.GetAttribute("value"));
        Assert.Contains("Page 1 of 3", first.QuerySelector(".pager")!.TextContent, StringComparison.Ordinal);
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal($"?action={paged}&page=2", next);
        var third = await browser.GetDocumentAsync($"admin/audit{next.Replace("page=2", "page=3", StringComparison.Ordinal)}");
        Assert.Equal(20, third.QuerySelectorAll("table tbody tr").Length);
        Assert.Contains("Page 3 of 3", third.QuerySelector(".pager")!.TextContent, StringComparison.Ordinal);
        var firstPageSequences = first.QuerySelectorAll("table tbody tr").Select(r => r.GetAttribute("data-sequence")).ToHashSet();
        Assert.DoesNotContain(third.QuerySelectorAll("table tbody tr"), r => firstPageSequences.Contains(r.GetAttribute("data-sequence")));

        // By actor: part of the address, in any case.
        var byActor = await browser.GetDocumentAsync("admin/audit?actor=needle.person");
        var actorRows = byActor.QuerySelectorAll("table tbody tr");
        Assert.Single(actorRows);
        Assert.Equal(other, actorRows[0].GetAttribute("data-action"));

        // By date: an event three days later is outside "to today" and alone in "from that day".
        var today = (await app.EventsAsync(practice, other)).Single().OccurredAt;
        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.RecordAsync(practice, new AuditEntry(other, Details: "three days later"));
        var later = (await app.EventsAsync(practice, other)).Single(e => e.Details == "three days later").OccurredAt;
        var day = (DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Three days is longer than a session may sit idle.
        browser = await app.SignedInClientAsync(practice, admin);

        var upToToday = await browser.GetDocumentAsync($"admin/audit?action={other}&to={day(today)}");
        Assert.Equal(["not paged"], upToToday.QuerySelectorAll("[data-testid=sentence] em").Select(em => em.TextContent.Trim()));
        var fromLater = await browser.GetDocumentAsync($"admin/audit?action={other}&from={day(later)}&to={day(later)}");
        Assert.Equal(["three days later"], fromLater.QuerySelectorAll("[data-testid=sentence] em").Select(em => em.TextContent.Trim()));
        Assert.Equal(day(later), fromLater.QuerySelector("#filter-from")!.GetAttribute("value"));
        var nothing = await browser.GetDocumentAsync($"admin/audit?action={other}&from={day(later.AddDays(1))}");
        Assert.Equal("No events match these filters.", nothing.QuerySelector(".empty")!.TextContent);
    }

    [Theory, BothDatabases]
    public async Task The_verify_button_reports_an_intact_chain_then_a_changed_and_a_deleted_event(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.AddAdministratorAsync(practice);
        var action = AuditTestData.UniqueAction();
        await app.RecordManyAsync(practice, 4, i => new AuditEntry(action, Details: $"event {i}"));
        var events = await app.EventsAsync(practice, action);
        var browser = await app.SignedInClientAsync(practice, admin);

        var intact = await VerifyThroughThePageAsync(browser);
        var total = (await app.EventsAsync(practice)).Count;
        Assert.Equal(("alert-success", $"All {total} events verified; the chain is intact."), intact);

        var changed = events[1];
        await app.ChangeAsync(practice, db => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"Details\" = {"edited"} WHERE \"Sequence\" = {changed.Sequence}"));
        var (kind, message) = await VerifyThroughThePageAsync(browser);
        Assert.Equal("alert-error", kind);
        Assert.StartsWith($"The chain is broken at sequence {changed.Sequence}: hash does not match its contents.", message, StringComparison.Ordinal);

        await app.ChangeAsync(practice, db => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"Details\" = {changed.Details} WHERE \"Sequence\" = {changed.Sequence}"));
        await app.ChangeAsync(practice, db => db.Events.Where(e => e.Sequence == changed.Sequence).ExecuteDeleteAsync());
        (kind, message) = await VerifyThroughThePageAsync(browser);
        Assert.Equal("alert-error", kind);
        Assert.StartsWith($"The chain is broken at sequence {changed.Sequence}: sequence {changed.Sequence} is missing.", message, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_csv_export_streams_the_filtered_events_as_a_safe_attachment(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.AddAdministratorAsync(practice);
        var action = AuditTestData.UniqueAction("csv");
        await app.SeedChainAsync(practice, AuditTrail.BatchSize + 10, action);
        await app.RecordAsync(practice, new AuditEntry(action, "user", "t-1", "=HYPERLINK(\"http://evil.example\",\"click\")") { ActorName = "@sum(1+1)" });
        await app.RecordAsync(practice, new AuditEntry(action, "user", "t-2", "plain, with a comma and \"quotes\"") { ActorName = "-2+3" });
        await app.RecordAsync(practice, new AuditEntry(AuditTestData.UniqueAction("not-exported"), Details: "left out"));
        var browser = await app.SignedInClientAsync(practice, admin);

        var link = (await browser.GetDocumentAsync($"admin/audit?action={action}")).QuerySelector("[data-testid=download-csv]")!.GetAttribute("href")!;
        Assert.Equal($"/admin/audit/export?action={action}", link);
        var response = await browser.GetAsync(HtmlForms.Relative(link));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        var expectedName = $"audit-{practice.Name}-{app.Clock.GetUtcNow():yyyyMMdd}.csv";
        Assert.Equal(expectedName, disposition.FileName);
        Assert.Equal(expectedName, disposition.FileNameStar);

        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(body.AsSpan().StartsWith(Encoding.UTF8.Preamble), "the file starts with a UTF-8 byte order mark");
        var rows = Csv.Parse(Encoding.UTF8.GetString(body.AsSpan(Encoding.UTF8.Preamble.Length)));
        Assert.Equal(["Sequence", "When (UTC)", "Actor", "Actor ID", "Action", "Target type", "Target ID", "Details", "IP address", "Hash", "Description"], rows[0]);
        var data = rows.Skip(1).ToList();
        var expected = await app.EventsAsync(practice, action);
        Assert.Equal(expected.Count, data.Count);
        Assert.Equal(expected.Select(e => e.Sequence.ToString(CultureInfo.InvariantCulture)).Reverse(), data.Select(r => r[0]));
        Assert.All(data, r => Assert.Equal(action, r[4]));
        Assert.Equal(expected[^1].Hash, data[0][9]);

        // A value a spreadsheet would run as a formula is made text; ordinary quoting still holds.
        var formula = data.Single(r => r[6] == "t-1");
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"click\")", formula[7]);
        Assert.Equal("'@sum(1+1)", formula[2]);
        Assert.Equal($"'@sum(1+1) did “{AuditActionCatalog.Readable(action)}”: =HYPERLINK(\"http://evil.example\",\"click\")", formula[10]);
        var quoted = data.Single(r => r[6] == "t-2");
        Assert.Equal("plain, with a comma and \"quotes\"", quoted[7]);
        Assert.Equal("'-2+3", quoted[2]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Only_administrators_see_the_trail_and_refused_staff_are_recorded(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var other = await app.CreatePracticeAsync();
        var admin = await app.AddAdministratorAsync(practice);
        var staff = await app.AddStaffAsync(practice);
        var otherAdmin = await app.AddAdministratorAsync(other);

        var anonymous = await app.ClientFor(practice).GetAsync("admin/audit");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/signin", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);

        var asStaff = await (await app.SignedInClientAsync(practice, staff)).GetAsync("admin/audit");
        Assert.True(asStaff.StatusCode == HttpStatusCode.Forbidden
            || asStaff.Headers.Location?.ToString().Contains("/account/access-denied", StringComparison.Ordinal) == true,
            $"staff got {(int)asStaff.StatusCode} {asStaff.Headers.Location}");
        var denied = (await app.EventsAsync(practice, AuditActions.AccessDenied)).Single(e => e.ActorName == staff.Email);
        Assert.Equal(staff.Id, denied.ActorId);
        Assert.Equal("/admin/audit", denied.TargetId);
        Assert.Equal("GET /admin/audit: requires permission Audit.View", denied.Details);

        var asAdmin = await (await app.SignedInClientAsync(practice, admin)).GetAsync("admin/audit");
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        var adminPage = await (await app.SignedInClientAsync(practice, admin)).GetDocumentAsync("admin/audit");
        var deniedRow = adminPage.QuerySelectorAll("table tbody tr").Single(r => r.GetAttribute("data-action") == AuditActions.AccessDenied);
        Assert.Equal($"{staff.DisplayName} was refused access to /admin/audit", AuditTestData.Text(deniedRow.QuerySelector("[data-testid=sentence]")!.TextContent));

        // The record keeps the permission's key; the page names the permission.
        Assert.Equal("GET /admin/audit: requires permission “See, verify and export the audit trail”", deniedRow.QuerySelector("td:nth-child(4)")!.TextContent.Trim());

        var foreign = await ForeignSessionCookieAsync(app, other, otherAdmin);
        foreach (var path in new[] { "admin/audit", "admin/audit/export" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", foreign);
            var response = await app.ClientFor(practice).SendAsync(request);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/signin", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        // Neither the anonymous visit nor the foreign session is a refusal of a signed-in user of this practice.
        Assert.Single(await app.EventsAsync(practice, AuditActions.AccessDenied));
        Assert.Empty(await app.EventsAsync(other, AuditActions.AccessDenied));
    }

    [Theory, BothDatabases]
    public async Task The_export_and_the_verify_button_are_refused_to_staff_and_each_refusal_is_recorded(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var staff = await app.AddStaffAsync(practice);
        var client = await app.AddClientAsync(practice);
        var asStaff = await app.SignedInClientAsync(practice, staff);
        var asClient = await app.SignedInClientAsync(practice, client);

        Assert.NotEqual(HttpStatusCode.OK, (await asStaff.GetAsync("admin/audit/export")).StatusCode);
        var token = await asStaff.AntiforgeryTokenAsync("admin");
        var verify = await asStaff.PostAsync("admin/audit?handler=Verify", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.NotEqual(HttpStatusCode.OK, verify.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await asClient.GetAsync("admin/audit")).StatusCode);

        var denied = await app.EventsAsync(practice, AuditActions.AccessDenied);
        Assert.Equal(
            ["GET /admin/audit/export: requires permission Audit.View", "POST /admin/audit: requires permission Audit.View"],
            denied.Where(e => e.ActorId == staff.Id).Select(e => e.Details));
        Assert.Contains(denied, e => e.ActorId == client.Id && e.TargetId == "/admin/audit");
        Assert.True((await app.VerifyAsync(practice)).IsIntact);
    }

    private static async Task<(string Kind, string Message)> VerifyThroughThePageAsync(HttpClient browser)
    {
        var response = await browser.SubmitFormAsync("admin/audit", [], "form[data-testid=verify]");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await browser.GetDocumentAsync("admin/audit");
        var alert = page.QuerySelector(".alert-success, .alert-error")!;
        return (alert.ClassList.Contains("alert-success") ? "alert-success" : "alert-error", alert.TextContent.Trim());
    }

    private static async Task<string> ForeignSessionCookieAsync(PortalApplication app, TenantDescriptor other, PortalUser user)
    {
        var response = await app.ClientFor(other).SubmitFormAsync("account/signin", new() { ["Email"] = user.Email!, ["Password"] = Practices.StaffPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("portal.session=", StringComparison.Ordinal)).Split(';')[0];
    }
}
