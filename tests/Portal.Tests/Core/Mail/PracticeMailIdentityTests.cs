using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Mail;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Mail;

/// <summary>
/// A practice's e-mail identity, against real SMTP servers: the sender name and Reply-To on every
/// e-mail, its own server (the test services' second aiosmtpd) for the test e-mail and the outbox,
/// a server that refuses, stays silent or lacks STARTTLS reported in words at the field with nothing
/// saved, and the password sealed in the database and never shown back.
/// </summary>
public sealed partial class PracticeMailIdentityTests(PracticeSmtpApps apps) : IClassFixture<PracticeSmtpApps>
{
    private const string Page = "admin/customize/email";
    private const string SenderName = "Lee & Co Accounting";

    [Theory, BothDatabases]
    public async Task A_test_email_through_the_practices_own_server_arrives_with_its_sender_name_and_reply_to(DatabaseProvider provider)
    {
        var (app, practice, admin) = await AdminAsync(provider);
        var recipient = $"test-{Guid.NewGuid():N}@clients.example";

        var response = await PostAsync(admin, "Test", OwnServer(TestEnvironment.Smtp2Port, recipient));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("accepted the test e-mail", page.QuerySelector("#smtp-test-answer")!.TextContent, StringComparison.Ordinal);
        var mail = await MailMessageReader.WaitForAsync(TestEnvironment.Maildir2, recipient);
        Assert.Contains(SenderName, mail.From, StringComparison.Ordinal);
        Assert.Contains("portal@lee-co.example", mail.From, StringComparison.Ordinal);
        Assert.Equal("office@lee-co.example", ReplyTo(mail));

        // A test saves nothing.
        var stored = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().GetAsync<MailIdentitySettings>());
        Assert.Equal(new MailIdentitySettings(), stored);
    }

    [Theory, BothDatabases]
    public async Task Once_saved_the_practices_mail_goes_out_through_its_own_server(DatabaseProvider provider)
    {
        var (app, practice, admin) = await AdminAsync(provider);
        var recipient = $"client-{Guid.NewGuid():N}@clients.example";

        var saved = await PostAsync(admin, null, OwnServer(TestEnvironment.Smtp2Port, "unused@clients.example"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IMailOutbox>().QueueAsync(new MailDraft([recipient], "Your documents", "<p>Ready</p>", "Ready")));

        var mail = await MailMessageReader.WaitForAsync(TestEnvironment.Maildir2, recipient);
        Assert.Contains(SenderName, mail.From, StringComparison.Ordinal);
        Assert.Contains("portal@lee-co.example", mail.From, StringComparison.Ordinal);
        Assert.Equal("office@lee-co.example", ReplyTo(mail));
        Assert.Equal("Your documents", mail.Subject);
    }

    [Theory, BothDatabases]
    public async Task Without_its_own_server_the_practices_mail_still_carries_its_sender_name_and_reply_to(DatabaseProvider provider)
    {
        var (app, practice, admin) = await AdminAsync(provider);
        var recipient = $"client-{Guid.NewGuid():N}@clients.example";

        var saved = await PostAsync(admin, null, new() { ["Input.SenderName"] = SenderName, ["Input.ReplyTo"] = "office@lee-co.example" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IMailOutbox>().QueueAsync(new MailDraft([recipient], "Your documents", "<p>Ready</p>", "Ready")));

        var mail = await MailMessageReader.WaitForAsync(TestEnvironment.Maildir, recipient);
        Assert.Contains(SenderName, mail.From, StringComparison.Ordinal);
        Assert.Equal("office@lee-co.example", ReplyTo(mail));
    }

    [Theory, BothDatabases]
    public async Task A_server_that_refuses_the_connection_is_reported_at_the_field_and_nothing_is_saved(DatabaseProvider provider)
    {
        var (app, practice, admin) = await AdminAsync(provider);
        var closedPort = ClosedPort();

        var response = await PostAsync(admin, null, OwnServer(closedPort, "unused@clients.example"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = HtmlForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#host-error")!.TextContent;
        Assert.Contains($"127.0.0.1:{closedPort} refused the connection", error, StringComparison.Ordinal);
        Assert.StartsWith("Not saved", error, StringComparison.Ordinal);
        var stored = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().GetAsync<MailIdentitySettings>());
        Assert.Equal(new MailIdentitySettings(), stored);
    }

    [Theory, BothDatabases]
    public async Task A_server_that_never_answers_is_reported_as_a_timeout(DatabaseProvider provider)
    {
        var (_, _, admin) = await AdminAsync(provider);

        // Accepts connections (the system completes them) and never says a word.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var port = ((IPEndPoint)silent.LocalEndpoint).Port;
            var response = await PostAsync(admin, "Test", OwnServer(port, "unused@clients.example"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var error = HtmlForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#host-error")!.TextContent;
            Assert.Contains($"did not answer within {PracticeSmtpApps.TimeoutSeconds} seconds", error, StringComparison.Ordinal);
        }
        finally
        {
            silent.Stop();
        }
    }

    [Theory, BothDatabases]
    public async Task Requiring_starttls_from_a_server_without_it_is_reported_at_the_encryption_choice(DatabaseProvider provider)
    {
        var (_, _, admin) = await AdminAsync(provider);
        var values = OwnServer(TestEnvironment.Smtp2Port, "unused@clients.example");
        values["Input.SmtpSecurity"] = MailIdentitySettings.StartTls;

        var response = await PostAsync(admin, null, values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = HtmlForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#security-error")!.TextContent;
        Assert.Contains("does not offer STARTTLS", error, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_password_without_tls_is_refused_before_any_connection(DatabaseProvider provider)
    {
        var (app, practice, admin) = await AdminAsync(provider);
        var values = OwnServer(TestEnvironment.Smtp2Port, "unused@clients.example");
        values["Input.SmtpUserName"] = "relay-user";
        values["Input.Password.Replacement"] = "relay-" + Guid.NewGuid().ToString("N");

        var response = await PostAsync(admin, null, values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("never sent over an unencrypted connection", document.QuerySelector("#security-error")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(values["Input.Password.Replacement"], document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(new MailIdentitySettings(), await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().GetAsync<MailIdentitySettings>()));
    }

    [Theory, BothDatabases]
    public async Task The_password_is_sealed_in_the_database_and_never_shown_back(DatabaseProvider provider)
    {
        var (app, practice, admin) = await AdminAsync(provider);
        var password = "smtp-" + Guid.NewGuid().ToString("N");

        // Server settings kept for later (not in use yet), so no server is asked.
        var saved = await PostAsync(admin, null, new()
        {
            ["Input.FromAddress"] = "portal@lee-co.example",
            ["Input.SmtpHost"] = "smtp.lee-co.example",
            ["Input.SmtpPort"] = "587",
            ["Input.SmtpSecurity"] = MailIdentitySettings.StartTls,
            ["Input.SmtpUserName"] = "portal@lee-co.example",
            ["Input.Password.Replacement"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var html = await (await admin.GetAsync(Page)).Content.ReadAsStringAsync();
        Assert.DoesNotContain(password, html, StringComparison.Ordinal);
        Assert.Contains("Set. It is not shown", html, StringComparison.Ordinal);
        var row = await app.InPracticeAsync(practice, async sp => (await sp.GetRequiredService<CoreTenantDbContext>().Settings.FindAsync(MailIdentitySettings.SectionName))!.Json);
        Assert.Contains("sealed:v1:", row, StringComparison.Ordinal);
        Assert.DoesNotContain(password, row, StringComparison.Ordinal);

        // Saving again with the box left empty keeps it.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, null, new() { ["Input.SenderName"] = SenderName })).StatusCode);
        var stored = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().GetAsync<MailIdentitySettings>());
        Assert.Equal(password, stored.SmtpPassword!.Reveal());
        Assert.Equal(SenderName, stored.SenderName);
    }

    [Fact]
    public async Task Without_the_platforms_permission_a_practice_cannot_choose_or_use_its_own_server()
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var recipient = $"client-{Guid.NewGuid():N}@clients.example";
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new MailIdentitySettings
        {
            SenderName = SenderName,
            UseOwnSmtp = true,
            FromAddress = "portal@lee-co.example",
            SmtpHost = "127.0.0.1",
            SmtpPort = TestEnvironment.Smtp2Port,
            SmtpSecurity = MailIdentitySettings.NoTls,
        }));

        var page = await admin.GetDocumentAsync(Page);
        Assert.Null(page.QuerySelector("[name='Input.SmtpHost']"));
        Assert.NotNull(page.QuerySelector("[name='Input.SenderName']"));
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IMailOutbox>().QueueAsync(new MailDraft([recipient], "Platform route", "<p>Hi</p>", "Hi")));

        // The platform's own transport (here its pickup folder) sent it, with the practice's sender name.
        var mail = await MailMessageReader.WaitForAsync(app.PickupDirectory, recipient);
        Assert.Contains(SenderName, mail.From, StringComparison.Ordinal);
        Assert.DoesNotContain("lee-co.example", mail.From, StringComparison.Ordinal);
    }

    private async Task<(PortalApplication App, TenantDescriptor Practice, HttpClient Admin)> AdminAsync(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        return (app, practice, await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice)));
    }

    private static Dictionary<string, string> OwnServer(int port, string testRecipient) => new()
    {
        ["Input.SenderName"] = SenderName,
        ["Input.ReplyTo"] = "office@lee-co.example",
        ["Input.UseOwnSmtp"] = "true",
        ["Input.FromAddress"] = "portal@lee-co.example",
        ["Input.SmtpHost"] = "127.0.0.1",
        ["Input.SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.SmtpSecurity"] = MailIdentitySettings.NoTls,
        ["Input.TestRecipient"] = testRecipient,
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient admin, string? handler, Dictionary<string, string> values)
    {
        var page = await admin.GetDocumentAsync(Page);
        var form = page.QuerySelector<IHtmlFormElement>("main form") ?? page.Forms.First();
        return await admin.PostFormAsync(form, values, handler is null ? Page : $"{Page}?handler={handler}");
    }

    private static string? ReplyTo(ReceivedMail mail) => ReplyToHeader().Match(mail.Raw) is { Success: true } match ? match.Groups[1].Value.Trim() : null;

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [GeneratedRegex(@"^Reply-To:\s*<?([^>\r\n]+)>?\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ReplyToHeader();
}
