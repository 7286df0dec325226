using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Mail;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Mail;

public sealed class OutboxTests
{
    [Theory, BothDatabases]
    public async Task An_outbox_message_reaches_the_real_smtp_server(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider, o => o.UseSmtpServer());
        var practice = await app.CreatePracticeAsync(displayName: "Ledger & Sons");
        var recipient = $"smtp-{Guid.NewGuid():N}@clients.example";

        var id = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IMailOutbox>().QueueAsync(
            new MailDraft([recipient], "Your return is ready – ünïcode ✓", "<p>Hello <strong>there</strong></p>", "Hello there")));

        var mail = await MailMessageReader.WaitForAsync(TestEnvironment.Maildir, recipient);
        Assert.Equal("Your return is ready – ünïcode ✓", mail.Subject);
        Assert.Contains("Hello <strong>there</strong>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Hello there", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Ledger & Sons", mail.From, StringComparison.Ordinal);

        var sent = await Eventually.GetAsync(
            () => app.InPracticeAsync(practice, async sp => await sp.GetRequiredService<CoreTenantDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id) is { State: OutboxState.Sent } m ? m : null),
            what: "the outbox row to be marked sent");
        Assert.NotNull(sent.SentAt);
    }

    [Fact]
    public async Task When_the_smtp_server_refuses_the_message_is_retried_then_marked_failed_and_can_be_sent_again()
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite, o => o
            .Set("Portal:Mail:Transport", "Smtp").Set("Portal:Mail:Smtp:Host", "127.0.0.1").Set("Portal:Mail:Smtp:Port", "1")
            .Set("Portal:Jobs:DefaultMaxAttempts", "2"));
        var practice = await app.CreatePracticeAsync();
        var id = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IMailOutbox>().QueueAsync(new MailDraft(["x@clients.example"], "Unlucky", "<p>x</p>", "x")));

        var failed = await Eventually.GetAsync(
            () => app.InPracticeAsync(practice, async sp => await sp.GetRequiredService<IMailOutbox>().FindAsync(id) is { State: OutboxState.Failed } m ? m : null),
            what: "the message to fail");
        Assert.Equal(2, failed.Attempts);
        Assert.NotNull(failed.LastError);

        Assert.True(await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IMailOutbox>().RetryAsync(id)));
        Assert.Equal(OutboxState.Pending, (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IMailOutbox>().FindAsync(id)))!.State);
    }

    [Theory, BothDatabases]
    public async Task The_outbox_page_lists_messages_and_shows_one_as_the_recipient_sees_it(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider);
        var practice = await app.CreatePracticeAsync(displayName: "Outbox Practice");
        var admin = await app.AddAdministratorAsync(practice);
        var client = await app.SignedInClientAsync(practice, admin);
        var recipient = $"reader-{Guid.NewGuid():N}@clients.example";
        var id = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IMailOutbox>().QueueAsync(
            new MailDraft([recipient], "Quarterly statement", "<p>See <a href=\"https://example.com\">here</a><script>alert(1)</script></p>", "See here")));
        await MailMessageReader.WaitForAsync(app.PickupDirectory, recipient);

        var list = await client.GetDocumentAsync("admin/outbox");
        var link = list.QuerySelectorAll("table a").First(a => a.TextContent == "Quarterly statement");
        Assert.Equal($"/admin/outbox/{id}", link.GetAttribute("href"));

        var detail = await client.GetDocumentAsync($"admin/outbox/{id}");
        Assert.Contains(recipient, detail.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
        var frame = detail.QuerySelector("iframe.mail-preview")!;
        Assert.True(frame.HasAttribute("sandbox"));
        Assert.Equal($"/admin/outbox/{id}/html", frame.GetAttribute("src"));

        var html = await client.GetAsync($"admin/outbox/{id}/html");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        var csp = html.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("sandbox", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);

        // The pickup file is written before the row is marked sent: wait for the mark, not the file.
        await Eventually.GetAsync(
            () => app.InPracticeAsync(practice, async sp => await sp.GetRequiredService<IMailOutbox>().FindAsync(id) is { State: OutboxState.Sent } m ? m : null),
            what: "the outbox row to be marked sent");
        Assert.Contains("Quarterly statement", (await client.GetDocumentAsync("admin/outbox?state=Sent")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_outbox_pages_through_many_messages()
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite, o => o.Set("Portal:Jobs:WorkerEnabled", "false"));
        var practice = await app.CreatePracticeAsync();
        var client = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        await app.InPracticeAsync(practice, async sp =>
        {
            var outbox = sp.GetRequiredService<IMailOutbox>();
            for (var i = 0; i < 30; i++)
            {
                await outbox.QueueAsync(new MailDraft([$"r{i}@clients.example"], $"Message {i:00}", "<p>x</p>", "x"));
            }
        });

        var second = await client.GetDocumentAsync("admin/outbox?page=2");
        Assert.Contains("Page 2 of 2", second.QuerySelector(".pager")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(6, second.QuerySelectorAll("tbody tr").Length); // 31 with the administrator's invitation: 25 + 6
    }
}
