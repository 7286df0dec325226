using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Core.Theming;
using Portal.Identity.Data;
using Portal.Identity.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Recipes;

public sealed class RecipeRunTests : IAsyncLifetime
{
    private readonly string _recipes = Path.Combine(Path.GetTempPath(), "portal-recipes-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_recipes);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "recipes"), "*.json"))
        {
            File.Copy(file, Path.Combine(_recipes, Path.GetFileName(file)));
        }

        var assets = Path.Combine(AppContext.BaseDirectory, "recipes", "assets");
        foreach (var file in Directory.GetFiles(assets, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(_recipes, "assets", Path.GetRelativePath(assets, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        File.WriteAllText(Path.Combine(_recipes, "broken-late.recipe.json"), """
            {
              "name": "broken-late", "isSetupRecipe": true,
              "steps": [
                { "name": "settings", "site": { "contactEmail": "x@y.example" } },
                { "name": "roles", "roles": [ { "name": "Administrator" }, { "name": "Staff" } ] },
                { "name": "users", "users": [ { "email": "{{adminEmail}}", "displayName": "Admin", "roles": ["Administrator"], "invite": true },
                                              { "email": "second@x.example", "displayName": "Second", "roles": ["NoSuchRole"] } ] }
              ]
            }
            """);
        File.WriteAllText(Path.Combine(_recipes, "bad-field.recipe.json"), """
            { "name": "bad-field", "isSetupRecipe": true,
              "steps": [ { "name": "features", "enable": [] }, { "name": "users", "users": [ { "email": "not-an-address", "displayName": "X" } ] } ] }
            """);
        File.WriteAllText(Path.Combine(_recipes, "typo.recipe.json"), """
            { "name": "typo", "isSetupRecipe": true, "steps": [ { "name": "roles", "roels": [] } ] }
            """);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_recipes, recursive: true);
        return Task.CompletedTask;
    }

    [Theory, BothDatabases]
    public async Task Running_a_recipe_twice_duplicates_nothing(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider, o => o.Set("Portal:Recipes:Path", _recipes));
        var practice = await app.CreatePracticeAsync(recipe: "demo");

        var before = await CountAsync(app, practice);
        await app.InPracticeAsync(practice, async sp =>
        {
            var recipe = (await sp.GetRequiredService<RecipeCatalog>().FindAsync("demo", default))!;
            await sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, null, default);
        });
        var after = await CountAsync(app, practice);

        Assert.Equal(before, after);
        Assert.Equal(5, after.Users); // three staff and client demo sign-ins, plus the bakery owner and the bank contributor
        Assert.Equal(2, after.Roles);
        Assert.True(after.RoleClaims > 0);
        var branding = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().GetAsync<BrandingSettings>());
        Assert.Equal("#1d6b5f", branding.PrimaryColor);
        Assert.True(branding.HasLogo);

        // The demo users keep the passwords they had (a re-run never resets them).
        var admin = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync("admin@demo.example"));
        Assert.True(await app.InPracticeAsync(practice, sp => sp.GetRequiredService<UserManager<PortalUser>>().CheckPasswordAsync(admin!, "Portal-Demo-2026!")));
    }

    [Theory, BothDatabases]
    public async Task A_failing_setup_keeps_nothing_and_names_the_step(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider, o => o.Set("Portal:Recipes:Path", _recipes));
        var name = Practices.UniqueName("fail");

        var result = await app.Get<TenantSetupService>().SetupAsync(new TenantSetupRequest(name, "Doomed", "admin@doomed.example", "broken-late"), default);

        Assert.False(result.Succeeded);
        Assert.True(result.Error!.Contains("step 3 (users)", StringComparison.Ordinal), result.Error);
        Assert.True(result.Error.Contains("NoSuchRole", StringComparison.Ordinal), result.Error);
        Assert.Null(app.Get<TenantRegistry>().Find(name));
        Assert.Null(await app.Get<TenantStore>().FindAsync(name, default));
        var layout = app.Get<DatabaseLayout>();
        Assert.False(await layout.TenantDatabaseExistsAsync(new TenantDescriptor(name, name, TenantState.Running, [], [], 1, layout.SchemaFor(name)), default));
        await using var host = await app.Get<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
        Assert.False(await host.Jobs.AnyAsync(j => j.Tenant == name));

        // The name is free again.
        var retry = await app.Get<TenantSetupService>().SetupAsync(new TenantSetupRequest(name, "Second try", "admin@doomed.example", "practice"), default);
        Assert.True(retry.Succeeded, retry.Error);
    }

    [Theory]
    [InlineData("bad-field", "step 2 (users), field 'users[0].email'")]
    [InlineData("typo", "step 1 (roles), field 'roels'")]
    public async Task A_malformed_step_is_reported_with_its_field_before_anything_runs(string recipe, string expected)
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite, o => o.Set("Portal:Recipes:Path", _recipes));
        var result = await app.Get<TenantSetupService>().SetupAsync(new TenantSetupRequest(Practices.UniqueName(), "X", "a@b.example", recipe), default);
        Assert.False(result.Succeeded);
        Assert.True(result.Error!.Contains(expected, StringComparison.Ordinal), result.Error);
    }

    [Theory, BothDatabases]
    public async Task A_setup_interrupted_by_a_crash_is_removed_at_the_next_start(DatabaseProvider provider)
    {
        await using var data = await TestData.CreateAsync(provider);
        var name = Practices.UniqueName("crash");
        await using (var crashed = PortalApplication.StartOn(data))
        {
            // What a server that died during setup leaves behind: the row and a half-made database.
            Assert.True(await crashed.Get<TenantStore>().TryCreateAsync(
                new TenantRecord { Id = Guid.CreateVersion7(), Name = name, DisplayName = "Half", AdminEmail = "a@b.example", State = TenantState.Initializing, DatabaseSchema = crashed.Get<DatabaseLayout>().SchemaFor(name) },
                default));
            await crashed.Get<DatabaseLayout>().CreateTenantDatabaseAsync(crashed.Get<TenantRegistry>().Find(name)!, default);
        }

        await using (var soon = PortalApplication.StartOn(data))
        {
            // A setup still in progress elsewhere is left alone.
            Assert.NotNull(soon.Get<TenantRegistry>().Find(name));
        }

        await using var later = PortalApplication.StartOn(data, o => o.WithServices(s => s.AddSingleton<TimeProvider>(new ShiftedClock(TimeSpan.FromMinutes(11)))));
        Assert.Null(later.Get<TenantRegistry>().Find(name));
        var layout = later.Get<DatabaseLayout>();
        Assert.False(await layout.TenantDatabaseExistsAsync(new TenantDescriptor(name, name, TenantState.Running, [], [], 1, layout.SchemaFor(name)), default));
    }

    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }

    private static Task<(int Users, int Roles, int RoleClaims, int Settings)> CountAsync(PortalApplication app, TenantDescriptor practice)
        => app.InPracticeAsync(practice, async sp =>
        {
            var users = sp.GetRequiredService<UsersDbContext>();
            var core = sp.GetRequiredService<CoreTenantDbContext>();
            return (await users.Users.CountAsync(), await users.Roles.CountAsync(), await users.RoleClaims.CountAsync(), await core.Settings.CountAsync());
        });
}
