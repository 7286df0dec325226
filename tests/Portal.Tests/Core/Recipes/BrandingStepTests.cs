using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Core.Theming;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Recipes;

/// <summary>
/// The <c>branding</c> recipe step sets what the Customize page sets (logo file, colors, company
/// information), checks every value as the page does before any step runs, and names the field it refuses.
/// </summary>
public sealed class BrandingStepTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static string RecipeFolder => Path.Combine(AppContext.BaseDirectory, "recipes");

    [Theory]
    [InlineData("\"primaryColor\": \"blue\"", "primaryColor", "must be a color")]
    [InlineData("\"accentColor\": \"#123456;}body{display:none\"", "accentColor", "must be a color")]
    [InlineData("\"colour\": \"#123456\"", "colour", "is not a field this step knows")]
    [InlineData("\"company\": { \"website\": \"http://maple-finch.example\" }", "company.website", "must be a web address starting with https://")]
    [InlineData("\"company\": { \"website\": \"javascript:alert(1)\" }", "company.website", "must be a web address starting with https://")]
    [InlineData("\"company\": { \"email\": \"not an address\" }", "company.email", "must be an e-mail address")]
    [InlineData("\"company\": { \"fax\": \"+1 555 0199\" }", "company.fax", "is not a field this step knows")]
    [InlineData("\"logoFile\": \"assets/demo-logo.svg\"", "logoFile", "'assets/demo-logo.svg' is an SVG drawing; use a PNG or JPG image.")]
    [InlineData("\"logoFile\": \"assets/no-such-logo.png\"", "logoFile", "does not exist")]
    [InlineData("\"logoFile\": \"../outside.png\"", "logoFile", "outside the recipe's folder")]
    public async Task A_bad_value_is_refused_naming_its_field_before_anything_is_written(string body, string field, string problem)
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        var before = await SettingsAsync(app, practice);

        // A valid value first: it may not be written either, since the recipe is checked whole.
        var valid = body.Contains("\"primaryColor\"", StringComparison.Ordinal) ? "\"accentColor\": \"#204060\"" : "\"primaryColor\": \"#204060\"";
        var error = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(app, practice, $"{valid}, {body}"));

        Assert.StartsWith($"recipe 'branding-test', step 1 (branding), field '{field}': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.Equal(before, await SettingsAsync(app, practice));
    }

    [Theory, BothDatabases]
    public async Task The_step_sets_the_logo_colors_and_company_information_and_keeps_the_rest(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var keptZone = (await SettingsAsync(app, practice)).Site.TimeZone;

        await RunAsync(app, practice, """
            "logoFile": "assets/demo-logo.png", "primaryColor": "#1D6B5F", "accentColor": "#d9822b",
            "company": { "address": "12 Harbour Street", "phone": "+1 555 0100", "email": "office@demo.example", "website": "https://maple-finch.example", "hours": "Mon-Fri 9-5" }
            """);

        var (branding, site) = await SettingsAsync(app, practice);
        Assert.Equal(("#1d6b5f", "#d9822b", "image/png"), (branding.PrimaryColor, branding.AccentColor, branding.LogoContentType));
        Assert.Equal(("12 Harbour Street", "+1 555 0100", "office@demo.example", "https://maple-finch.example", "Mon-Fri 9-5"), (site.Address, site.ContactPhone, site.ContactEmail, site.WebsiteUrl, site.Hours));
        Assert.Equal(keptZone, site.TimeZone);

        using var logo = await app.ClientFor(practice).GetAsync("branding/logo");
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RecipeFolder, "assets", "demo-logo.png")), await logo.Content.ReadAsByteArrayAsync());
    }

    private static Task RunAsync(PortalApplication app, TenantDescriptor practice, string body)
    {
        var recipe = RecipeParser.Parse($$"""{ "name": "branding-test", "steps": [ { "name": "branding", {{body}} } ] }""", "branding-test.recipe.json", RecipeFolder);
        return app.InPracticeAsync(practice, sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, null, default));
    }

    private static Task<(BrandingSettings Branding, SiteSettings Site)> SettingsAsync(PortalApplication app, TenantDescriptor practice)
        => app.InPracticeAsync(practice, async sp =>
        {
            var store = sp.GetRequiredService<SiteSettingsStore>();
            return (await store.GetAsync<BrandingSettings>(), await store.GetAsync<SiteSettings>());
        });
}
