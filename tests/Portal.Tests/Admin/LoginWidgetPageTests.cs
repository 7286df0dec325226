using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.LoginWidget;
using Portal.Core.Settings;
using Portal.Core.Theming;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>
/// The login widget page: the list of website origins refuses what a browser would never send as an
/// origin (a script address, plain http elsewhere than localhost, a path, a wildcard) with a message
/// at the field and saves nothing; the snippet posts to the practice's widget sign-in in its colors;
/// the preview frame cannot run scripts or send the form.
/// </summary>
public sealed class LoginWidgetPageTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Origins_are_saved_in_the_form_browsers_send_them(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));

        var saved = await admin.SubmitFormAsync("admin/customize/widget", new()
        {
            ["Input.Origins"] = "https://WWW.Firm.Example/\r\nhttps://firm.example:8443\n\nhttp://localhost:5173\nhttps://www.firm.example",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var widget = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().GetAsync<LoginWidgetSettings>());
        Assert.Equal(["https://www.firm.example", "https://firm.example:8443", "http://localhost:5173"], widget.Origins);
        var page = await admin.GetDocumentAsync("admin/customize/widget");
        Assert.Contains("https://firm.example:8443", page.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Origins']")!.Value, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Each_kind_of_bad_origin_gets_its_message_at_the_field_and_nothing_is_saved(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new LoginWidgetSettings { Origins = ["https://kept.example"] }));
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));

        foreach (var (origin, expected) in new[]
        {
            ("javascript:alert(1)", "must start with https://"),
            ("http://www.firm.example", "must start with https://"),
            ("ftp://files.firm.example", "must start with https://"),
            ("https://www.firm.example/clients", "without a path"),
            ("https://www.firm.example?x=1", "without a path"),
            ("https://*.firm.example", "wildcard"),
            ("*", "wildcard"),
            ("www.firm.example", "is not a website address"),
        })
        {
            var response = await admin.SubmitFormAsync("admin/customize/widget", new() { ["Input.Origins"] = "https://fine.example\n" + origin });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var error = HtmlForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#origins-error")!.TextContent;
            Assert.Contains(expected, error, StringComparison.Ordinal);
            Assert.Contains(origin, error, StringComparison.Ordinal);
        }

        var widget = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().GetAsync<LoginWidgetSettings>());
        Assert.Equal(["https://kept.example"], widget.Origins);
    }

    [Fact]
    public void A_recipe_or_code_cannot_store_an_origin_the_page_would_refuse()
    {
        Assert.NotEmpty(LoginWidgetSettings.Validate(new LoginWidgetSettings { Origins = ["javascript:alert(1)"] }));
        Assert.NotEmpty(LoginWidgetSettings.Validate(new LoginWidgetSettings { Origins = ["https://Firm.Example/"] }));
        Assert.NotEmpty(LoginWidgetSettings.Validate(new LoginWidgetSettings { Origins = [.. Enumerable.Range(0, LoginWidgetSettings.MaxOrigins + 1).Select(i => $"https://s{i}.example")] }));
        Assert.Empty(LoginWidgetSettings.Validate(new LoginWidgetSettings { Origins = ["https://firm.example", "http://127.0.0.1:8000"] }));
    }

    [Theory, BothDatabases]
    public async Task The_snippets_post_to_the_practice_and_wear_its_colors_and_the_preview_is_sandboxed(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync(displayName: "Lee & Co <Accounting>");
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new BrandingSettings { PrimaryColor = "#7a1f5c" }));
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));

        var page = await admin.GetDocumentAsync("admin/customize/widget");
        var form = HtmlForms.Parse(page.QuerySelector<IHtmlTextAreaElement>("#widget-form-snippet")!.Value).QuerySelector<IHtmlFormElement>("form")!;
        Assert.Equal($"http://{practice.Name}.localhost/widget/sign-in", form.GetAttribute("action"));
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("input[name=email][type=email]"));
        Assert.NotNull(form.QuerySelector("input[name=password][type=password]"));
        Assert.Contains("#7a1f5c", form.QuerySelector("button")!.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("Lee & Co <Accounting>", form.QuerySelector("button")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(form.QuerySelectorAll("script"));

        var button = HtmlForms.Parse(page.QuerySelector<IHtmlTextAreaElement>("#widget-button-snippet")!.Value).QuerySelector<IHtmlAnchorElement>("a")!;
        Assert.Equal($"http://{practice.Name}.localhost/account/signin", button.GetAttribute("href"));

        var frame = page.QuerySelector("iframe.widget-preview")!;
        Assert.True(frame.HasAttribute("sandbox"));
        var preview = await admin.GetAsync(HtmlForms.Relative(frame.GetAttribute("src")!));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var policy = preview.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("form-action 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("sandbox", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        Assert.NotNull(HtmlForms.Parse(await preview.Content.ReadAsStringAsync()).QuerySelector("form[action$='/widget/sign-in']"));
    }
}
