using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Core.Storage;
using Portal.Core.Tenancy;
using Portal.Core.Theming;
using Portal.Tests.Core.Theming;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>
/// Customize → Look: logos judged by content at and past each limit with the message at the field and
/// nothing half-saved; the served logo keeps its sandboxing headers; colors reach CSS only as validated
/// #rrggbb; the preview shows unsaved colors while the published stylesheet changes only on Publish.
/// </summary>
public sealed class CustomizeLookTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private const string Look = "admin/customize";

    [Theory, BothDatabases]
    public async Task A_logo_at_each_limit_is_saved_and_one_just_past_it_is_refused_at_the_field_with_both_figures(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));

        var atLimits = TestImages.Png(1000, 60, length: 800 * 1024);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(admin, "logo.png", atLimits)).StatusCode);
        var saved = await BrandingAsync(app, practice);
        Assert.Equal("image/png", saved.LogoContentType);

        var tooLarge = await UploadAsync(admin, "logo.png", TestImages.Png(200, 60, length: (800 * 1024) + 1));
        Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
        Assert.Equal("The logo is 801 KB (819,201 bytes); a logo may be at most 800 KB.", await LogoErrorAsync(tooLarge));

        var tooWide = await UploadAsync(admin, "logo.png", TestImages.Png(1001, 60));
        Assert.Equal(HttpStatusCode.OK, tooWide.StatusCode);
        Assert.Equal("The logo is 1,001 px wide; a logo may be at most 1,000 px wide.", await LogoErrorAsync(tooWide));

        // The logo saved at the limits is still the one stored and served.
        Assert.Equal(saved, await BrandingAsync(app, practice));
        await AssertServedWithSandboxAsync(app.ClientFor(practice), atLimits);
    }

    [Theory, BothDatabases]
    public async Task Disguised_logos_are_refused_by_their_content_and_nothing_is_saved(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var svg = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "recipes", "assets", "demo-logo.svg"));

        foreach (var (name, bytes, message) in new[]
        {
            ("logo.svg", svg, "The logo is an SVG drawing; use a PNG or JPG image."),
            ("logo.png", TestImages.Svg(), "The logo is an SVG drawing; use a PNG or JPG image."),
            ("logo.png", TestImages.Executable(), "The logo is not a PNG or JPG image (its content was checked, not its name)."),
            ("logo.png", TestImages.PngBomb(), "The logo is 20,000 px wide; a logo may be at most 1,000 px wide."),
        })
        {
            var refused = await UploadAsync(admin, name, bytes);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal(message, await LogoErrorAsync(refused));
        }

        Assert.Equal(new BrandingSettings(), await BrandingAsync(app, practice));
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(practice).GetAsync("branding/logo")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_logo_is_replaced_and_removed_and_shown_top_left_on_the_site_and_sign_in_page_and_as_the_favicon(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var first = TestImages.Png(300, 60);
        var second = TestImages.Jpeg(400, 80);

        // Before any logo: the default icon, on the client site and in the admin.
        Assert.EndsWith("/favicon.svg", (await app.ClientFor(practice).GetDocumentAsync("")).QuerySelector("link[rel=icon]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.EndsWith("/favicon.svg", (await admin.GetDocumentAsync("admin")).QuerySelector("link[rel=icon]")!.GetAttribute("href"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(admin, "first.png", first)).StatusCode);
        var withFirst = await BrandingAsync(app, practice);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(admin, "second.jpg", second)).StatusCode);
        var withSecond = await BrandingAsync(app, practice);
        Assert.Equal("image/jpeg", withSecond.LogoContentType);
        Assert.False(await BlobExistsAsync(app, practice, withFirst.LogoBlobKey!), "The replaced logo's blob is still stored.");

        var anonymous = app.ClientFor(practice);
        foreach (var page in new[] { "", "account/signin" })
        {
            var document = await anonymous.GetDocumentAsync(page);
            var logo = document.QuerySelector<IHtmlImageElement>(".site-header a.brand img.brand-logo");
            Assert.True(logo is not null, $"No logo in the header of /{page}.");
            Assert.EndsWith(BrandingLogo.PathOf(withSecond), logo.GetAttribute("src"), StringComparison.Ordinal);
            Assert.EndsWith(BrandingLogo.PathOf(withSecond), document.QuerySelector("link[rel=icon]")!.GetAttribute("href"), StringComparison.Ordinal);
        }

        Assert.EndsWith(BrandingLogo.PathOf(withSecond), (await admin.GetDocumentAsync("admin")).QuerySelector("link[rel=icon]")!.GetAttribute("href"), StringComparison.Ordinal);

        // The icon browsers ask for whatever a page links is the logo too, on the practice's host and prefix.
        Assert.Equal(BrandingLogo.PathOf(withSecond), (await anonymous.GetAsync("favicon.ico")).Headers.Location!.OriginalString);
        Assert.Equal($"/t/{practice.Name}{BrandingLogo.PathOf(withSecond)}", (await app.ClientFor(practice, viaPrefix: true).GetAsync("favicon.ico")).Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(Look, new(), "form[action*='handler=RemoveLogo']")).StatusCode);
        Assert.False((await BrandingAsync(app, practice)).HasLogo);
        Assert.False(await BlobExistsAsync(app, practice, withSecond.LogoBlobKey!), "The removed logo's blob is still stored.");
        Assert.EndsWith("/favicon.svg", (await anonymous.GetDocumentAsync("")).QuerySelector("link[rel=icon]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("/favicon.svg", (await anonymous.GetAsync("favicon.ico")).Headers.Location!.OriginalString);
    }

    [Theory, BothDatabases]
    public async Task The_preview_shows_unsaved_colors_while_the_published_stylesheet_changes_only_on_publish(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var site = app.ClientFor(practice);
        var published = await site.GetStringAsync("branding.css");

        foreach (var view in new[] { "signin", "home" })
        {
            var preview = await admin.GetAsync($"admin/customize/preview?view={view}&primary=%23123456&accent=%23abcdef");
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            Assert.Contains("frame-ancestors 'self'", preview.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            var stylesheet = HtmlForms.Parse(await preview.Content.ReadAsStringAsync()).QuerySelector("link[data-testid=preview-stylesheet]")!.GetAttribute("href")!;
            var css = await admin.GetStringAsync(HtmlForms.Relative(stylesheet[stylesheet.IndexOf("admin/", StringComparison.Ordinal)..]));
            Assert.Contains("--brand-primary:#123456;", css, StringComparison.Ordinal);
            Assert.Contains("--brand-accent:#abcdef;", css, StringComparison.Ordinal);
        }

        // The Look tab frames both previews with the colors shown in its pickers.
        var look = await admin.GetDocumentAsync(Look);
        Assert.Equal(2, look.QuerySelectorAll("iframe[data-preview-view]").Length);

        Assert.Equal(published, await site.GetStringAsync("branding.css"));
        Assert.DoesNotContain("#123456", published, StringComparison.Ordinal);

        var publish = await admin.SubmitFormAsync(Look, new() { ["Input.PrimaryColor"] = "#123456", ["Input.AccentColor"] = "#abcdef" }, "form[data-customize-colors]");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var now = await site.GetStringAsync("branding.css");
        Assert.Contains("--brand-primary:#123456;", now, StringComparison.Ordinal);
        Assert.Contains("--brand-primary-contrast:#ffffff;", now, StringComparison.Ordinal);
        Assert.Contains("--brand-accent-contrast:#111111;", now, StringComparison.Ordinal);
        var home = await site.GetDocumentAsync("");
        Assert.Contains("v=123456abcdef", home.QuerySelector("link[href*='branding.css']")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Colors_reach_css_only_as_validated_hex_from_the_form_and_from_the_preview_address(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var attempts = new[] { "red", "#12345g", "#123456;}body{display:none", "url(javascript:alert(1))", "#1234567", "</style><script>alert(1)</script>" };

        foreach (var attempt in attempts)
        {
            var refused = await admin.SubmitFormAsync(Look, new() { ["Input.PrimaryColor"] = attempt, ["Input.AccentColor"] = "#abcdef" }, "form[data-customize-colors]");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = HtmlForms.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Contains("must be a color", page.QuerySelector("[data-testid=PrimaryColor-error]")!.TextContent, StringComparison.OrdinalIgnoreCase);

            var css = await admin.GetStringAsync($"admin/customize/preview?handler=Css&primary={Uri.EscapeDataString(attempt)}&accent={Uri.EscapeDataString(attempt)}");
            Assert.Equal(BrandingStylesheet.Render(new BrandingSettings()), css);
        }

        Assert.Equal(new BrandingSettings(), await BrandingAsync(app, practice));
        Assert.Equal(BrandingStylesheet.Render(new BrandingSettings()), await app.ClientFor(practice).GetStringAsync("branding.css"));
    }

    [Theory, BothDatabases]
    public async Task A_pair_below_aa_shows_a_warning_beside_its_picker(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));

        var passing = await admin.GetDocumentAsync(Look);
        Assert.DoesNotContain("contrast-warning", passing.QuerySelector("[data-testid=PrimaryColor-contrast]")!.ClassName ?? "", StringComparison.Ordinal);

        // A color below AA may be published (it is the practice's choice), and the tab keeps saying so.
        var published = await admin.SubmitFormAsync(Look, new() { ["Input.PrimaryColor"] = "#777777", ["Input.AccentColor"] = "#abcdef" }, "form[data-customize-colors]");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var page = await admin.GetDocumentAsync(Look);
        var note = page.QuerySelector("[data-testid=PrimaryColor-contrast]")!;
        Assert.Contains("contrast-warning", note.ClassName, StringComparison.Ordinal);
        Assert.Contains("only 4.4:1", note.TextContent, StringComparison.Ordinal);
        Assert.Contains("4.5:1", note.TextContent, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient admin, string fileName, byte[] bytes)
    {
        var token = await admin.AntiforgeryTokenAsync(Look);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "application/octet-stream");
        form.Add(content, "Input.Logo", fileName);
        return await admin.PostAsync(Look + "?handler=Logo", form);
    }

    private static async Task<string> LogoErrorAsync(HttpResponseMessage response)
        => HtmlForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=logo-error]")!.TextContent.Trim();

    private static async Task AssertServedWithSandboxAsync(HttpClient client, byte[] expected)
    {
        using var response = await client.GetAsync("branding/logo");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("sandbox", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync());
    }

    private static Task<BrandingSettings> BrandingAsync(PortalApplication app, TenantDescriptor practice)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().GetAsync<BrandingSettings>());

    private static Task<bool> BlobExistsAsync(PortalApplication app, TenantDescriptor practice, string key)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<EncryptedBlobStore>().ExistsAsync(key, default));
}
