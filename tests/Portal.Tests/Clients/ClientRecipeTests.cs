using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Clients.Models;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Clients;

/// <summary>The "clients" and "portals" recipe steps, with the demo recipe that uses them.</summary>
public sealed class ClientRecipeTests(SharedApps apps) : IClassFixture<SharedApps>, IAsyncLifetime
{
    private readonly string _recipes = Path.Combine(Path.GetTempPath(), "portal-client-recipes-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_recipes);
        File.WriteAllText(Path.Combine(_recipes, "missing-client.recipe.json"), """
            { "name": "missing-client", "isSetupRecipe": true,
              "steps": [
                { "name": "clients", "clients": [ { "name": "Known Client", "externalId": "K-1" } ] },
                { "name": "portals", "portals": [ { "name": "P", "clients": ["K-1", "Nobody Ltd"] } ] }
              ] }
            """);
        File.WriteAllText(Path.Combine(_recipes, "bad-client.recipe.json"), """
            { "name": "bad-client", "isSetupRecipe": true,
              "steps": [ { "name": "clients", "clients": [ { "name": "A", "kind": "Company" } ] } ] }
            """);
        File.WriteAllText(Path.Combine(_recipes, "bad-expiry.recipe.json"), """
            { "name": "bad-expiry", "isSetupRecipe": true,
              "steps": [ { "name": "portals", "portals": [ { "name": "P", "users": [ { "email": "a@b.example", "displayName": "A", "access": "Full", "expiresOn": "2027-01-01" } ] } ] } ] }
            """);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_recipes, recursive: true);
        return Task.CompletedTask;
    }

    [Theory, BothDatabases]
    public async Task The_demo_recipe_sets_up_clients_and_portals_and_a_second_run_duplicates_nothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync(recipe: "demo");

        var before = await CountAsync(app, practice);
        Assert.Equal((5, 2, 3, 4), (before.Clients, before.Portals, before.PortalClients, before.Members));
        await app.InPracticeAsync(practice, async sp =>
        {
            var recipe = (await sp.GetRequiredService<RecipeCatalog>().FindAsync("demo", default))!;
            await sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, null, default);
        });
        Assert.Equal(before, await CountAsync(app, practice));

        var members = await app.InPracticeAsync(practice, async sp =>
        {
            var db = sp.GetRequiredService<Portal.Clients.Data.ClientsDbContext>();
            var rows = await (from m in db.PortalMembers join p in db.Portals on m.PortalId equals p.Id select new { p.Name, m.UserId, m.Access, m.ExpiresOn }).ToListAsync();
            var accounts = await sp.GetRequiredService<IUserDirectory>().FindManyAsync(rows.Select(r => r.UserId));
            return rows.Select(r => $"{r.Name}: {accounts[r.UserId].Email} {r.Access} {r.ExpiresOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}".TrimEnd()).Order(StringComparer.Ordinal).ToList();
        });
        Assert.Equal(
            [
                "Harbour Bakery: client@demo.example Contributor",
                "Harbour Bakery: owner@demo.example Full",
                "Lee household: banker@demo.example Contributor 2027-11-30",
                "Lee household: client@demo.example Full",
            ],
            members);

        // The demo client can switch between its two portals.
        var demo = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Identity.Models.PortalUser>>().FindByEmailAsync("client@demo.example"));
        var browser = await app.SignedInClientAsync(practice, demo!, "Portal-Demo-2026!");
        var chooser = await browser.GetDocumentAsync("portals/choose");
        Assert.Equal(2, chooser.QuerySelectorAll("[data-testid=portal-choices] [data-portal]").Length);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFormAsync("portals/choose", [], "[data-testid=portal-choices] form")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("")).StatusCode);
    }

    [Theory]
    [InlineData("missing-client", "step 2 (portals), field 'portals[0].clients[1]': there is no client 'Nobody Ltd'")]
    [InlineData("bad-client", "step 1 (clients), field 'clients[0].kind'")]
    [InlineData("bad-expiry", "step 1 (portals), field 'portals[0].users[0].expiresOn'")]
    public async Task A_bad_clients_or_portals_step_names_its_field(string recipe, string expected)
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite, o => o.Set("Portal:Recipes:Path", _recipes));
        var result = await app.Get<TenantSetupService>().SetupAsync(new TenantSetupRequest(Practices.UniqueName(), "X", "a@b.example", recipe), default);
        Assert.False(result.Succeeded);
        Assert.True(result.Error!.Contains(expected, StringComparison.Ordinal), result.Error);
    }

    private static Task<(int Clients, int Portals, int PortalClients, int Members, int Emails)> CountAsync(PortalApplication app, TenantDescriptor practice)
        => app.InClientsDbAsync(practice, async db => (
            await db.Clients.CountAsync(c => c.Status == ClientStatus.Active),
            await db.Portals.CountAsync(),
            await db.PortalClients.CountAsync(),
            await db.PortalMembers.CountAsync(),
            await db.ClientEmails.CountAsync()));
}
