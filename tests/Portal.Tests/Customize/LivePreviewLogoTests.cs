using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Core.Theming;
using Portal.Tests.Core.Theming;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Customize;

/// <summary>
/// The live preview shows a logo not yet saved: the Look tab's logo form posts the chosen file to the
/// preview frame, which checks it with the same logo rules and shows it inline (a data: image, in the
/// frame's usual strict, framed-by-self policy), while the published site and the logo address keep the
/// published logo and nothing is stored.
/// </summary>
public sealed class LivePreviewLogoTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private const string Look = "admin/customize";

    [Theory, BothDatabases]
    public async Task The_preview_shows_a_chosen_logo_while_the_site_and_the_logo_address_keep_the_published_one(DatabaseProvider provider)
    {
        var (app, practice, admin) = await PracticeAsync(provider);
        var published = TestImages.Png(300, 60);
        var chosen = TestImages.Jpeg(400, 80);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveLogoAsync(admin, published)).StatusCode);
        var before = await BrandingAsync(app, practice);

        foreach (var view in new[] { "signin", "home" })
        {
            using var preview = await PreviewAsync(admin, "chosen.jpg", chosen, view, primary: "#123456");
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            var policy = preview.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.Equal("no-store", preview.Headers.CacheControl!.ToString());
            var document = HtmlForms.Parse(await preview.Content.ReadAsStringAsync());
            var logo = document.QuerySelector<IHtmlImageElement>("img[data-testid=preview-logo]")!;
            Assert.Equal("data:image/jpeg;base64," + Convert.ToBase64String(chosen), logo.GetAttribute("src"));
            Assert.Contains("primary=%23123456", document.QuerySelector("link[data-testid=preview-stylesheet]")!.GetAttribute("href"), StringComparison.Ordinal);
            Assert.Equal(view == "home", document.QuerySelector("nav.site-nav") is not null);
        }

        // Nothing was saved: the settings, the logo address, the client site and the plain preview show the published logo.
        Assert.Equal(before, await BrandingAsync(app, practice));
        using (var served = await app.ClientFor(practice).GetAsync("branding/logo"))
        {
            Assert.Equal(published, await served.Content.ReadAsByteArrayAsync());
        }

        foreach (var page in new[] { "", "account/signin" })
        {
            var site = await app.ClientFor(practice).GetDocumentAsync(page);
            Assert.EndsWith(BrandingLogo.PathOf(before), site.QuerySelector("img.brand-logo")!.GetAttribute("src"), StringComparison.Ordinal);
        }

        var plain = await admin.GetDocumentAsync("admin/customize/preview?view=signin");
        Assert.EndsWith(BrandingLogo.PathOf(before), plain.QuerySelector("img[data-testid=preview-logo]")!.GetAttribute("src"), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_chosen_logo_the_rules_refuse_is_not_shown_and_the_frame_says_why(DatabaseProvider provider)
    {
        var (app, practice, admin) = await PracticeAsync(provider);
        var limits = app.Get<Microsoft.Extensions.Options.IOptions<BrandingOptions>>().Value;

        foreach (var (name, bytes, message) in new[]
        {
            ("logo.png", TestImages.Svg(), "The logo is an SVG drawing; use a PNG or JPG image."),
            ("logo.png", TestImages.Executable(), "The logo is not a PNG or JPG image (its content was checked, not its name)."),
            ("logo.png", TestImages.PngBomb(), $"The logo is 20,000 px wide; a logo may be at most {limits.MaxLogoWidth:N0} px wide."),
            ("logo.png", TestImages.Png(200, 60, length: (limits.MaxLogoKilobytes * 1024) + 1), "The logo is"),
        })
        {
            using var preview = await PreviewAsync(admin, name, bytes, "signin");
            Assert.Equal(HttpStatusCode.BadRequest, preview.StatusCode);
            var html = await preview.Content.ReadAsStringAsync();
            Assert.DoesNotContain("data:image", html, StringComparison.Ordinal);
            Assert.StartsWith(message, HtmlForms.Parse(html).QuerySelector("[data-testid=preview-logo-error]")!.TextContent.Trim(), StringComparison.Ordinal);
        }

        // No file at all: the frame asks for one.
        using (var empty = await PreviewAsync(admin, null, null, "signin"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("Choose a PNG or JPG file", HtmlForms.Parse(await empty.Content.ReadAsStringAsync()).QuerySelector("[data-testid=preview-logo-error]")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(new BrandingSettings(), await BrandingAsync(app, practice));
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(practice).GetAsync("branding/logo")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Staff_without_the_settings_permission_cannot_post_a_preview(DatabaseProvider provider)
    {
        var (app, practice, _) = await PracticeAsync(provider);
        var staff = await app.SignedInClientAsync(practice, await app.AddStaffAsync(practice));

        // Authorization is decided before the form is read, so no token is needed to be refused.
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(TestImages.Png(100, 40)), "Input.Logo", "logo.png");
        using var refused = await staff.PostAsync("admin/customize/preview", form);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/access-denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(HtmlForms.Relative(refused.Headers.Location.OriginalString))).StatusCode);
    }

    /// <summary>Posts as the Look tab's logo form does with its "Preview this logo" button: its own fields, its button's address.</summary>
    private static async Task<HttpResponseMessage> PreviewAsync(HttpClient admin, string? fileName, byte[]? bytes, string view, string? primary = null)
    {
        var look = await admin.GetDocumentAsync(Look);
        var logoForm = look.QuerySelector<IHtmlFormElement>("form[data-customize-logo]")!;
        var button = logoForm.QuerySelector("[data-preview-logo-button]")!;
        // Without script the button aims at the sign-in frame; the script posts the same form to each frame in turn.
        Assert.Equal("preview-signin", button.GetAttribute("formtarget"));
        Assert.NotNull(look.QuerySelector("iframe[name='preview-signin'][sandbox='allow-same-origin']"));

        var form = new MultipartFormDataContent();
        foreach (var field in logoForm.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
        {
            var value = field.Name switch
            {
                "view" => view,
                "primary" when primary is not null => primary,
                _ => field.Value,
            };
            form.Add(new StringContent(value), field.Name!);
        }

        if (bytes is not null)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(content, "Input.Logo", fileName!);
        }

        return await admin.PostAsync(button.GetAttribute("formaction")!.TrimStart('/'), form);
    }

    private static async Task<HttpResponseMessage> SaveLogoAsync(HttpClient admin, byte[] bytes)
    {
        using var form = new MultipartFormDataContent { { new StringContent(await admin.AntiforgeryTokenAsync(Look)), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(bytes), "Input.Logo", "logo.png");
        return await admin.PostAsync(Look + "?handler=Logo", form);
    }

    private async Task<(PortalApplication App, TenantDescriptor Practice, HttpClient Admin)> PracticeAsync(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        return (app, practice, await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice)));
    }

    private static Task<BrandingSettings> BrandingAsync(PortalApplication app, TenantDescriptor practice)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().GetAsync<BrandingSettings>());
}
