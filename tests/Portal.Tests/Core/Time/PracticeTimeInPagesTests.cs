using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Identity.Services;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Time;

/// <summary>After a practice chooses its time zone, the times its staff and clients read, on pages and in e-mails, are in that zone and say so.</summary>
public sealed class PracticeTimeInPagesTests
{
    [Theory, BothDatabases]
    public async Task After_choosing_Toronto_lists_and_emails_show_Toronto_time(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider);
        app.Clock.Freeze(new DateTimeOffset(2026, 12, 4, 19, 5, 0, TimeSpan.Zero));
        var scenario = await DocumentsScenario.CreateAsync(app);
        var admin = await app.SignedInClientAsync(scenario.Practice, scenario.Admin);

        var saved = await admin.SubmitFormAsync("admin/settings", new() { ["Input.TimeZone"] = "America/Toronto" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var settings = await admin.GetDocumentAsync("admin/settings");
        Assert.Equal("(UTC−05:00) Toronto — America", settings.QuerySelector("select[name='Input.TimeZone'] option[selected]")!.TextContent);

        await new TusClient(admin).UploadAsync(DocumentsScenario.Pdf(5000), "Engagement letter.pdf", scenario.ClientId);
        var client = await app.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        var documents = (await client.GetDocumentAsync($"documents/{scenario.ClientId}")).QuerySelector("main")!;
        Assert.Contains("Date (Toronto time)", documents.TextContent, StringComparison.Ordinal);
        var shown = documents.QuerySelector("tr[data-document] time")!;
        Assert.Equal("4 Dec 2026, 14:05", shown.TextContent);
        Assert.Equal("2026-12-04T19:05:00Z", shown.GetAttribute("datetime"));

        foreach (var page in new[] { $"admin/documents/clients/{scenario.ClientId}", "admin/outbox", "admin/audit", "account" })
        {
            var main = (await admin.GetDocumentAsync(page)).QuerySelector("main")!.TextContent;
            Assert.DoesNotContain("UTC", main, StringComparison.Ordinal);
            Assert.Contains("Toronto time", main, StringComparison.Ordinal);
        }

        await app.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<PasswordResets>().RequestAsync(scenario.ClientUser.Email!));
        var mail = await MailMessageReader.WaitForAsync(app.PickupDirectory, scenario.ClientUser.Email!);
        Assert.Contains("expires at 16:05 on 4 December 2026 (Toronto time)", mail.Text, StringComparison.Ordinal);
    }
}
