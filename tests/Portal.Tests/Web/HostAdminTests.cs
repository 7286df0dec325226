using System.Net;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>The platform operator's host admin, through its pages.</summary>
public sealed class HostAdminTests(ClassApps apps) : IClassFixture<ClassApps>
{
    [Theory, BothDatabases]
    public async Task The_operator_creates_a_practice_and_its_administrator_is_emailed_a_link(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = await app.OperatorClientAsync();
        var name = Practices.UniqueName("new");
        var adminEmail = $"owner-{Guid.NewGuid():N}@{name}.example";

        var response = await client.SubmitFormAsync("admin/practices/new", new()
        {
            ["Input.Name"] = name,
            ["Input.DisplayName"] = "Brand New Accounting",
            ["Input.AdminName"] = "Priya Natarajan",
            ["Input.AdminEmail"] = adminEmail,
            ["Input.Recipe"] = "practice",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/practices/{name}", response.Headers.Location!.ToString());
        var details = await client.GetDocumentAsync($"admin/practices/{name}");
        Assert.Equal("Running", details.QuerySelector("[data-testid=practice-state]")!.TextContent.Trim());
        Assert.Contains($"http://{name}.localhost", details.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(TenantState.Running, app.Get<TenantRegistry>().Find(name)!.State);

        var mail = await MailMessageReader.WaitForAsync(app.PickupDirectory, adminEmail);
        Assert.Equal("Your Brand New Accounting portal is ready", mail.Subject);
        Assert.StartsWith($"http://{name}.localhost/account/set-password?token=", mail.FindLink("/account/set-password"), StringComparison.Ordinal);
        Assert.Contains("Priya Natarajan", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Practice administrator", mail.Text, StringComparison.Ordinal);

        var list = await client.GetDocumentAsync($"admin?q={name}");
        Assert.Contains("Brand New Accounting", list.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_operator_emails_the_administrator_a_new_set_password_link_through_the_identity_contract(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync(displayName: "Resend Accounting");
        var adminEmail = $"admin@{practice.Name}.example";
        var client = await app.OperatorClientAsync();

        var response = await client.SubmitFormAsync($"admin/practices/{practice.Name}", [], "form[action*='handler=ResendInvitation']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/practices/{practice.Name}", response.Headers.Location!.ToString());
        var page = await client.GetDocumentAsync($"admin/practices/{practice.Name}");
        Assert.Contains($"A new set-password link was e-mailed to {adminEmail}.", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var reminder = await Eventually.GetAsync(
            () => Task.FromResult(Directory.Exists(app.PickupDirectory)
                ? Directory.EnumerateFiles(app.PickupDirectory).Select(file => MailMessageReader.Parse(File.ReadAllText(file)))
                    .FirstOrDefault(mail => mail.To.Contains(adminEmail, StringComparison.OrdinalIgnoreCase) && mail.Subject.StartsWith("Reminder:", StringComparison.Ordinal))
                : null),
            what: $"a new set-password link to {adminEmail}");
        Assert.StartsWith($"http://{practice.Name}.localhost/account/set-password?token=", reminder.FindLink("/account/set-password"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme corp", "lowercase letters")]
    [InlineData("admin", "reserved")]
    [InlineData("x", "2 to 40")]
    public async Task A_bad_practice_name_is_refused_with_a_clear_message_and_the_form_keeps_what_was_typed(string name, string message)
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var client = await app.OperatorClientAsync();
        var response = await client.SubmitFormAsync("admin/practices/new", new()
        {
            ["Input.Name"] = name,
            ["Input.DisplayName"] = "Kept Display Name",
            ["Input.AdminEmail"] = "kept@example.com",
            ["Input.Recipe"] = "practice",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector("#name-error")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Kept Display Name", page.QuerySelector("input[name='Input.DisplayName']")!.GetAttribute("value"));
        Assert.Equal("kept@example.com", page.QuerySelector("input[name='Input.AdminEmail']")!.GetAttribute("value"));
        Assert.Null(app.Get<TenantRegistry>().Find(name));
    }

    [Fact]
    public async Task The_empty_form_gets_a_message_at_every_field_and_creates_nothing()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var client = await app.OperatorClientAsync();
        var before = app.Get<TenantRegistry>().Current.ByName.Count;

        var response = await client.SubmitFormAsync("admin/practices/new", new()
        {
            ["Input.Name"] = "",
            ["Input.DisplayName"] = "",
            ["Input.AdminName"] = "",
            ["Input.AdminEmail"] = "",
            ["Input.Recipe"] = "",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        foreach (var field in new[] { "#name-error", "#displayname-error", "#adminname-error", "#email-error", "#recipe-error" })
        {
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector(field)?.TextContent), $"{field} is empty");
        }

        Assert.Equal(before, app.Get<TenantRegistry>().Current.ByName.Count);
    }

    [Fact]
    public async Task A_taken_name_and_a_bad_email_are_refused()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var existing = await app.CreatePracticeAsync();
        var client = await app.OperatorClientAsync();

        var taken = await client.SubmitFormAsync("admin/practices/new", new() { ["Input.Name"] = existing.Name, ["Input.DisplayName"] = "Dup", ["Input.AdminEmail"] = "a@b.example" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
        Assert.Contains("already exists", HtmlForms.Parse(await taken.Content.ReadAsStringAsync()).QuerySelector("#name-error")!.TextContent, StringComparison.Ordinal);

        var badEmail = await client.SubmitFormAsync("admin/practices/new", new() { ["Input.Name"] = Practices.UniqueName(), ["Input.DisplayName"] = "X", ["Input.AdminEmail"] = "not an email" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badEmail.StatusCode);
        Assert.Contains("e-mail address", HtmlForms.Parse(await badEmail.Content.ReadAsStringAsync()).QuerySelector("#email-error")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_operator_disables_and_enables_a_practice(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync(displayName: "Switchable");
        var client = await app.OperatorClientAsync();

        var page = await client.GetDocumentAsync($"admin/practices/{practice.Name}");
        var disable = await client.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[data-confirm]")!, [], $"admin/practices/{practice.Name}");
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await app.ClientFor(practice).GetAsync("")).StatusCode);
        Assert.Equal("Disabled", (await client.GetDocumentAsync($"admin/practices/{practice.Name}")).QuerySelector("[data-testid=practice-state]")!.TextContent.Trim());

        var enable = await client.SubmitFormAsync($"admin/practices/{practice.Name}", [], "form[action*='handler=Enable']");
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(practice).GetAsync("")).StatusCode);
    }

    [Fact]
    public async Task The_host_admin_needs_an_operator_and_practice_users_are_not_operators()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var anonymous = await app.HostClient().GetAsync("admin");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/admin/signin", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var wrong = await app.HostClient().SubmitFormAsync("admin/signin", new() { ["Email"] = PortalApplicationOptions.OperatorEmail, ["Password"] = "wrong-password-123" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("do not match", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A practice administrator's session on the platform host gives no access to the host admin.
        var practice = await app.CreatePracticeAsync();
        var admin = await app.AddAdministratorAsync(practice);
        var client = await app.SignedInClientAsync(practice, admin);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("admin")).StatusCode); // the practice's own admin
        var cookie = (await app.ClientFor(practice, viaPrefix: true).SubmitFormAsync("account/signin", new() { ["Email"] = admin.Email!, ["Password"] = Practices.StaffPassword }))
            .Headers.GetValues("Set-Cookie").First(c => c.StartsWith("portal.session=", StringComparison.Ordinal)).Split(';')[0];
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://localhost/admin"));
        request.Headers.Add("Cookie", cookie);
        var atHost = await app.HostClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, atHost.StatusCode);
        Assert.StartsWith("/admin/signin", atHost.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
