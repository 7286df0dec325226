using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.LoginWidget;
using Portal.Core.Recipes;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Core.Theming;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Recipes;

/// <summary>
/// The <c>branding</c> recipe step sets what the Customize page sets (logo file, colors, company
/// information, client site switches, login widget origins), checks every value as the page does before any step runs, and names the field it refuses.
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
    [InlineData("\"switches\": { \"clientUplods\": false }", "switches.clientUplods", "is not a field this step knows")]
    [InlineData("\"switches\": { \"clientBilling\": \"off\" }", "switches.clientBilling", "has a value of the wrong type")]
    [InlineData("\"widgetOrigins\": [\"https://www.firm.example\", \"javascript:alert(1)\"]", "widgetOrigins[1]", "must start with https://")]
    [InlineData("\"widgetOrigins\": [\"http://www.firm.example\"]", "widgetOrigins[0]", "must start with https://")]
    [InlineData("\"widgetOrigins\": [\"https://www.firm.example\", \"https://www.firm.example/contact\"]", "widgetOrigins[1]", "without a path")]
    [InlineData("\"widgetOrigins\": [\"https://*.firm.example\"]", "widgetOrigins[0]", "contains a wildcard")]
    [InlineData("\"widgetOrigins\": [\"\"]", "widgetOrigins[0]", "is empty")]
    [InlineData("\"widgetOrigins\": \"https://www.firm.example\"", "widgetOrigins", "has a value of the wrong type")]
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

    [Fact]
    public async Task More_widget_origins_than_the_widget_takes_are_refused_naming_the_list()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        var before = await SettingsAsync(app, practice);
        var origins = string.Join(", ", Enumerable.Range(1, LoginWidgetSettings.MaxOrigins + 1).Select(i => $"\"https://site{i}.example\""));

        var error = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(app, practice, $"\"primaryColor\": \"#204060\", \"widgetOrigins\": [{origins}]"));

        Assert.Equal("widgetOrigins", error.Field);
        Assert.Contains($"at most {LoginWidgetSettings.MaxOrigins}", error.Problem, StringComparison.Ordinal);
        Assert.Equal(before, await SettingsAsync(app, practice));
    }

    [Theory, BothDatabases]
    public async Task The_step_sets_the_switches_and_widget_origins_and_the_site_obeys_them(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();

        await RunAsync(app, practice, """
            "switches": { "clientBilling": false, "emailClientsOnSentFiles": false },
            "widgetOrigins": ["https://WWW.Firm.example", "http://localhost:8080", "https://www.firm.example:443"]
            """);

        var settings = await SettingsAsync(app, practice);
        Assert.Equal(new ClientSiteSwitches { ClientBilling = false, EmailClientsOnSentFiles = false }, settings.Switches);
        Assert.Equal(["https://www.firm.example", "http://localhost:8080"], settings.Widget.Origins);

        // The widget takes a form from a listed website (a 303 to the portal) and refuses one from elsewhere.
        Assert.Equal(HttpStatusCode.SeeOther, (await WidgetPostAsync(app, practice, "http://localhost:8080")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await WidgetPostAsync(app, practice, "https://elsewhere.example")).StatusCode);

        // Given switches only: the others are kept, and an empty list of origins turns the widget off.
        await RunAsync(app, practice, """ "switches": { "clientBilling": true }, "widgetOrigins": [] """);
        settings = await SettingsAsync(app, practice);
        Assert.Equal(new ClientSiteSwitches { EmailClientsOnSentFiles = false }, settings.Switches);
        Assert.Empty(settings.Widget.Origins);
        Assert.Equal(HttpStatusCode.Forbidden, (await WidgetPostAsync(app, practice, "http://localhost:8080")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_demo_recipe_lists_the_firms_websites_for_the_widget_and_keeps_every_switch_on(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var demo = RecipeParser.Parse(await File.ReadAllTextAsync(Path.Combine(RecipeFolder, "demo.recipe.json")), "demo.recipe.json", RecipeFolder);
        var branding = demo.Steps.Single(s => (string?)s["name"] == "branding");
        var recipe = RecipeParser.Parse($$"""{ "name": "demo-branding", "steps": [ {{branding.ToJsonString()}} ] }""", "demo-branding.recipe.json", RecipeFolder);

        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, null, default));

        var settings = await SettingsAsync(app, practice);
        Assert.Equal(new ClientSiteSwitches(), settings.Switches);
        Assert.Contains("https://maple-finch.example", settings.Widget.Origins);
        Assert.Contains("http://localhost:8080", settings.Widget.Origins);
        Assert.Equal("image/png", settings.Branding.LogoContentType);
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

        var (branding, site, _, _) = await SettingsAsync(app, practice);
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

    private static Task<HttpResponseMessage> WidgetPostAsync(PortalApplication app, TenantDescriptor practice, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "widget/sign-in") { Content = new FormUrlEncodedContent([new("email", "nobody@x.example"), new("password", "Not-A-Password-1")]) };
        request.Headers.TryAddWithoutValidation("Origin", origin);
        return app.ClientFor(practice).SendAsync(request);
    }

    private static Task<Settings> SettingsAsync(PortalApplication app, TenantDescriptor practice)
        => app.InPracticeAsync(practice, async sp =>
        {
            var store = sp.GetRequiredService<SiteSettingsStore>();
            return new Settings(await store.GetAsync<BrandingSettings>(), await store.GetAsync<SiteSettings>(), await store.GetAsync<ClientSiteSwitches>(), await store.GetAsync<LoginWidgetSettings>());
        });

    /// <summary>What the step may write; the origins compared as text, since a record compares lists by reference.</summary>
    private sealed record Settings(BrandingSettings Branding, SiteSettings Site, ClientSiteSwitches Switches, LoginWidgetSettings Widget)
    {
        public bool Equals(Settings? other)
            => other is not null && Branding == other.Branding && Site == other.Site && Switches == other.Switches
                && Widget.Origins.SequenceEqual(other.Widget.Origins);

        public override int GetHashCode() => HashCode.Combine(Branding, Site, Switches);
    }
}
