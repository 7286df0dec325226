using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Modules;

/// <summary>Features per practice: dependencies pulled in, dependents protect what they need, and off means 404.</summary>
public sealed class FeatureGatingTests(SharedAppsWithTestModule apps) : IClassFixture<SharedAppsWithTestModule>
{
    [Theory, BothDatabases]
    public async Task A_disabled_feature_answers_404_and_an_enabled_one_answers(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var client = app.ClientFor(practice);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("test/greeting")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("test/base")).StatusCode);

        var change = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TenantFeatures>().EnableAsync([TestModule.Greeting], default));
        Assert.True(change.Succeeded);
        Assert.Equal(new[] { TestModule.Base, TestModule.Greeting }, change.Changed.Select(f => f.Id).Order());

        Assert.Equal("hello", await client.GetStringAsync("test/greeting"));
        Assert.Equal("base", await client.GetStringAsync("test/base"));

        // Not on the platform's own site, nor at another practice.
        Assert.Equal(HttpStatusCode.NotFound, (await app.HostClient().GetAsync("test/greeting")).StatusCode);
        var other = await app.CreatePracticeAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(other).GetAsync("test/greeting")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Disabling_a_feature_that_another_needs_is_refused_until_the_dependent_is_off(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TenantFeatures>().EnableAsync([TestModule.Greeting], default));

        var refused = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TenantFeatures>().DisableAsync(TestModule.Base, default));
        Assert.False(refused.Succeeded);
        Assert.Contains("Test greeting", refused.Error, StringComparison.Ordinal);
        Assert.True(app.Get<TenantRegistry>().Find(practice.Name)!.IsFeatureEnabled(TestModule.Base));

        Assert.True((await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TenantFeatures>().DisableAsync(TestModule.Greeting, default))).Succeeded);
        Assert.True((await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TenantFeatures>().DisableAsync(TestModule.Base, default))).Succeeded);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor(practice).GetAsync("test/base")).StatusCode);

        var alwaysOn = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TenantFeatures>().DisableAsync("Portal.Identity", default));
        Assert.False(alwaysOn.Succeeded);
        Assert.Contains("always on", alwaysOn.Error, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_features_page_switches_features_and_the_menu_follows(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.AddAdministratorAsync(practice);
        var client = await app.SignedInClientAsync(practice, admin);

        var page = await client.GetDocumentAsync("admin/features");
        Assert.NotNull(page.QuerySelector($"tr[data-feature='{TestModule.Greeting}']"));
        Assert.DoesNotContain("Greeting test", (await client.GetDocumentAsync("admin")).QuerySelector("#admin-nav")!.TextContent, StringComparison.Ordinal);

        var enable = await client.PostFormAsync(
            (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector($"tr[data-feature='{TestModule.Greeting}'] form")!,
            [],
            "admin/features");
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        var after = await client.GetDocumentAsync("admin/features");
        Assert.Contains("Switched on: Test base, Test greeting.", after.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Greeting test", after.QuerySelector("#admin-nav")!.TextContent, StringComparison.Ordinal);

        var disableBase = await client.PostFormAsync(
            (AngleSharp.Html.Dom.IHtmlFormElement)after.QuerySelector($"tr[data-feature='{TestModule.Base}'] form")!,
            [],
            "admin/features");
        Assert.Equal(HttpStatusCode.Redirect, disableBase.StatusCode);
        var refused = await client.GetDocumentAsync("admin/features");
        Assert.Contains("cannot be disabled while Test greeting depends on it", refused.QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);
    }
}
