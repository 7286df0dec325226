using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
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
            new("Subject", "Hi {{name}} from {{practiceName}}"),
            new("Html", "<p>Dear {{name}}, <b>click</b> {{link}}</p>"),
            new("Text", "Dear {{name}}"),
        ]));
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Hi Alex Client from Edited Templates LLP", html, StringComparison.Ordinal);
        Assert.Contains("<b>click</b> https://example.portal/account/reset-password?token=sample", html, StringComparison.Ordinal);
        Assert.Contains("sandbox", preview.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var saved = await admin.SubmitFormAsync(path, new() { ["Subject"] = "Password help for {{name}}", ["Html"] = "<p>Go to {{link}}</p>", ["Text"] = "Go to {{link}}" }, "#template-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var user = await app.AddClientAsync(practice);
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<PasswordResets>().RequestAsync(user.Email!));
        var mail = await MailMessageReader.WaitForAsync(app.PickupDirectory, user.Email!);
        Assert.Equal($"Password help for {user.DisplayName}", mail.Subject);
        Assert.NotNull(mail.FindLink("/account/reset-password"));
    }

    [Fact]
    public async Task A_template_that_does_not_compile_is_refused_and_the_typed_text_kept()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var response = await admin.SubmitFormAsync($"admin/templates/{MailTemplates.SetPassword}", new() { ["Subject"] = "ok", ["Html"] = "<p>{{#if name}}unclosed</p>", ["Text"] = "t" }, "#template-form");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("The HTML body cannot be read", page.QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("<p>{{#if name}}unclosed</p>", page.QuerySelector("textarea[name=Html]")!.TextContent);
    }
}
