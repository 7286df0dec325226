using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Core.Settings;
using Portal.Core.Theming;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Settings;

/// <summary>
/// The recipe <c>settings</c> step accepts the sections and fields modules registered, and nothing
/// else: a problem names the section and field, is found before any step runs, and nothing is written.
/// </summary>
public sealed class SettingsRecipeStepTests(SharedAppsWithTestModule apps) : IClassFixture<SharedAppsWithTestModule>
{
    [Theory]
    [InlineData("\"brandng\": { \"primaryColor\": \"#336699\" }", "brandng", "there is no settings section 'brandng'. Known sections: account-mapping, branding, client-site, getting-started, login-widget, mail-identity, mail-templates, payments, reminders, security, site, tasks, test-secrets.")]
    [InlineData("\"branding\": { \"primaryColour\": \"#336699\" }", "branding.primaryColour", "is not a setting of 'branding'. Its settings are: primaryColor, accentColor.")]
    [InlineData("\"branding\": { \"primaryColor\": \"blue\" }", "branding.primaryColor", "must be a color")]
    [InlineData("\"branding\": { \"logoBlobKey\": \"someone-elses-file\" }", "branding.logoBlobKey", "is set by the portal itself")]
    [InlineData("\"branding\": { \"logoFile\": \"../outside.svg\" }", "branding.logoFile", "outside the recipe's folder")]
    [InlineData("\"site\": { \"timeZone\": 5 }", "site.timeZone", "has a value of the wrong type")]
    [InlineData("\"site\": { \"timeZone\": \"Mars/Olympus\" }", "site.timeZone", "must be a time zone")]
    [InlineData("\"mail-templates\": { \"templates\": { \"welcome\": { \"subjct\": \"Hi\" } } }", "mail-templates.templates.welcome.subjct", "is not a field this section knows")]
    [InlineData("\"test-secrets\": { \"apiKey\": 42 }", "test-secrets.apiKey", "has a value of the wrong type")]
    [InlineData("\"site\": [ \"office@x.example\" ]", "site", "must be an object")]
    public async Task An_unknown_or_invalid_setting_is_refused_with_its_name_and_nothing_is_written(string sections, string field, string problem)
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        var before = await SettingsRowsAsync(app, practice);

        // A valid section first: nothing of it may be written either, since the recipe is checked whole.
        var error = await Assert.ThrowsAsync<RecipeException>(
            () => app.RunSettingsStepAsync(practice, $"\"reminders\": {{ \"reviewBeforeSending\": false }}, {sections}", Path.GetTempPath()));

        Assert.StartsWith($"recipe 'settings-test', step 2 (settings), field '{field}': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.Equal(before, await SettingsRowsAsync(app, practice));
        Assert.True((await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().GetAsync<Portal.Notifications.Models.ReminderSettings>())).ReviewBeforeSending);
    }

    [Theory, BothDatabases]
    public async Task Given_fields_are_set_and_the_others_kept(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();

        await app.RunSettingsStepAsync(practice, "\"site\": { \"welcome\": \"Hello\", \"contactPhone\": \"+1 555 0100\" }, \"branding\": { \"accentColor\": \"#AB1\" }");

        var (site, branding) = await app.InPracticeAsync(practice, async sp =>
        {
            var store = sp.GetRequiredService<SiteSettingsStore>();
            return (await store.GetAsync<SiteSettings>(), await store.GetAsync<BrandingSettings>());
        });
        Assert.Equal("Hello", site.Welcome);
        Assert.Equal("+1 555 0100", site.ContactPhone);
        Assert.Equal($"admin@{practice.Name}.example", site.ContactEmail);
        Assert.Equal("#AB1", branding.AccentColor);
        Assert.Equal("#aabb11", branding.Accent);
        Assert.Equal(BrandingSettings.DefaultPrimaryColor, branding.PrimaryColor);
    }

    private static Task<string> SettingsRowsAsync(PortalApplication app, Portal.Core.Tenancy.TenantDescriptor practice)
        => app.InPracticeAsync(practice, async sp => string.Join(
            "\n",
            await sp.GetRequiredService<CoreTenantDbContext>().Settings.AsNoTracking().OrderBy(s => s.Section).Select(s => s.Section + "=" + s.Json).ToListAsync()));
}
