using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Core.Time;
using Portal.Tasks.Data;
using Portal.Tasks.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Tasks;

/// <summary>The "tasks" recipe step, through the demo recipe and through a recipe that gets it wrong.</summary>
public sealed class TasksRecipeTests(SharedApps apps) : IClassFixture<SharedApps>, IAsyncLifetime
{
    private readonly string _recipes = Path.Combine(Path.GetTempPath(), "portal-task-recipes-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_recipes);
        const string Prefix = """
            { "name": "NAME", "isSetupRecipe": true,
              "steps": [
                { "name": "features", "enable": ["Portal.Tasks"] },
                { "name": "roles", "roles": [ { "name": "Staff", "displayName": "Staff" } ] },
                { "name": "users", "users": [ { "email": "sam@recipe.example", "displayName": "Sam", "kind": "Staff", "roles": ["Staff"] } ] },
                { "name": "clients", "clients": [ { "name": "Known Client", "externalId": "K-1" } ] },
            """;
        Write("typo", Prefix + """
                { "name": "tasks", "tasks": [ { "client": "K-1", "title": "Slips", "everyone": true, "by": "sam@recipe.example", "itemz": ["T4"] } ] } ] }
            """);
        Write("no-folder", Prefix + """
                { "name": "tasks", "tasks": [ { "client": "K-1", "title": "Slips", "everyone": true, "by": "sam@recipe.example", "items": ["T4"] } ] } ] }
            """);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_recipes, recursive: true);
        return Task.CompletedTask;
    }

    [Theory, BothDatabases]
    public async Task The_demo_has_a_return_waiting_on_two_slips_and_an_overdue_request_and_a_second_run_adds_nothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync(recipe: "demo");
        var today = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IPracticeClock>().TodayAsync());

        var tasks = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TasksDbContext>().Tasks.AsNoTracking().ToListAsync());
        Assert.Equal(3, tasks.Count);
        var slips = tasks.Single(t => t.Title.Contains("two slips", StringComparison.Ordinal));
        Assert.Equal(2, await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TasksDbContext>().Items.CountAsync(i => i.TaskId == slips.Id && i.State == RequestItemState.Waiting)));
        Assert.Single(tasks, t => t.IsRequest && t.DueOn < today);

        await app.InPracticeAsync(practice, async sp =>
        {
            var recipe = (await sp.GetRequiredService<RecipeCatalog>().FindAsync("demo", default))!;
            await sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, null, default);
        });
        Assert.Equal(3, await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TasksDbContext>().Tasks.CountAsync()));

        // Jordan Lee's home page leads with the open tasks, soonest due first.
        var jordan = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Identity.Models.PortalUser>>().FindByEmailAsync("client@demo.example"));
        var client = await app.SignedInClientAsync(practice, jordan!, "Portal-Demo-2026!");
        var chooser = await client.GetDocumentAsync("portals/choose");
        var lee = chooser.QuerySelectorAll("form").First(f => f.TextContent.Contains("Lee household", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)lee, new(), "portals/choose")).StatusCode);
        var home = await client.GetDocumentAsync("");
        var card = home.QuerySelectorAll("[data-testid=home-card]").First();
        Assert.Contains("2 are waiting for you.", card.TextContent, StringComparison.Ordinal);
        var lines = card.QuerySelectorAll("[data-testid=home-line]").Select(l => l.TextContent).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains("Sign and return the engagement letter", lines[0], StringComparison.Ordinal);
        Assert.Contains("two slips", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("typo", "step 5 (tasks), field 'tasks[0].itemz'")]
    [InlineData("no-folder", "step 5 (tasks), field 'tasks[0].folder'")]
    public async Task A_wrong_tasks_step_names_its_field_and_leaves_no_practice(string recipe, string field)
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite, o => o.Set("Portal:Recipes:Path", _recipes));
        var name = Practices.UniqueName();
        var result = await app.Get<TenantSetupService>().SetupAsync(new TenantSetupRequest(name, "X", "a@b.example", recipe), default);

        Assert.False(result.Succeeded);
        Assert.True(result.Error!.Contains(field, StringComparison.Ordinal), result.Error);
        Assert.Null(app.Get<TenantRegistry>().Find(name));
    }

    private void Write(string name, string json) => File.WriteAllText(Path.Combine(_recipes, name + ".recipe.json"), json.Replace("NAME", name, StringComparison.Ordinal));
}
