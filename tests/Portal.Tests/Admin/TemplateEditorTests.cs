using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Mail;
using Portal.Core.Settings;
using Portal.Identity.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

public sealed class TemplateEditorTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task An_edited_template_previews_with_sample_values_and_is_used_for_the_next_email(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync(displayName: "Edited Templates LLP");
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var path = $"admin/templates/{MailTemplates.PasswordReset}";

        var token = await admin.AntiforgeryTokenAsync(path);
        var preview = await admin.PostAsync($"{path}/preview", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("Subject", "Hi {{ name }} from {{ practiceName }}"),
            new("Html", "<p>Dear {{ name }}, <b>click</b> {{ link }}</p>"),
            new("Text", "Dear {{ name }}"),
        ]));
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Hi Alex Client from Edited Templates LLP", html, StringComparison.Ordinal);
        Assert.Contains("<b>click</b> https://example.portal/account/reset-password?token=sample", html, StringComparison.Ordinal);
        Assert.Contains("sandbox", preview.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var saved = await admin.SubmitFormAsync(path, new() { ["Subject"] = "Password help for {{ name }}", ["Html"] = "<p>Go to {{ link }}</p>", ["Text"] = "Go to {{ link }}" }, "#template-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var user = await app.AddClientAsync(practice);
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<PasswordResets>().RequestAsync(user.Email!));
        var mail = await MailMessageReader.WaitForAsync(app.PickupDirectory, user.Email!);
        Assert.Equal($"Password help for {user.DisplayName}", mail.Subject);
        Assert.NotNull(mail.FindLink("/account/reset-password"));
    }

    [Theory, BothDatabases]
    public async Task A_template_that_does_not_parse_is_refused_with_its_line_and_column_at_the_field(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var path = $"admin/templates/{MailTemplates.SetPassword}";
        var html = "<p>Hello {{ name }},</p>\n<p>{% if link %}Choose a password</p>";
        var text = "Hello {{ name }},\n\nOpen {{ link | }}";

        var response = await admin.SubmitFormAsync(path, new() { ["Subject"] = "Your portal", ["Html"] = html, ["Text"] = text }, "#template-form");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Matches(@"^Line 2, column \d+: .*endif", page.QuerySelector("#html-error")!.TextContent);
        Assert.Matches(@"^Line 3, column \d+: .*identifier", page.QuerySelector("#text-error")!.TextContent);
        Assert.Equal("", page.QuerySelector("#subject-error")!.TextContent);
        Assert.Equal(html, page.QuerySelector("textarea[name=Html]")!.TextContent);

        // Nothing was saved: the standard wording is still in force.
        var overrides = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().GetAsync<MailTemplateOverrides>());
        Assert.Empty(overrides.Templates);
    }

    [Fact]
    public async Task A_placeholder_the_template_does_not_have_and_an_unknown_filter_are_refused_by_name()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));

        var response = await admin.SubmitFormAsync($"admin/templates/{MailTemplates.PasswordReset}", new() { ["Subject"] = "Reset for {{ nmae }}", ["Html"] = "<p>{{ link | shout }}</p>", ["Text"] = "{{ link }}" }, "#template-form");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("There is no placeholder 'nmae' in this template.", page.QuerySelector("#subject-error")!.TextContent);
        Assert.Equal("There is no filter 'shout'.", page.QuerySelector("#html-error")!.TextContent);
        Assert.Equal("", page.QuerySelector("#text-error")!.TextContent);
    }

    [Fact]
    public async Task The_preview_of_a_template_that_does_not_parse_says_where()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var path = $"admin/templates/{MailTemplates.PasswordReset}";

        var preview = await admin.PostAsync($"{path}/preview", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", await admin.AntiforgeryTokenAsync(path)),
            new("Subject", "Reset"),
            new("Html", "<p>\n{% for file in %}</p>"),
            new("Text", "x"),
        ]));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Matches(@"Line 2, column \d+", WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync()));
    }
}
