using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Identity.Models;
using Portal.Projects.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Projects;

/// <summary>The demo's projects (a personal return waiting on the client, a corporate year-end ready for review) and the step's checks.</summary>
public sealed class ProjectsRecipeTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task The_demo_has_a_return_waiting_on_the_client_and_a_year_end_in_review_and_a_second_run_adds_nothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync(recipe: "demo");

        var projects = await ProjectsAsync(app, practice);
        Assert.Equal(
            [("2025 Personal tax return", "Waiting on you", "2025 Tax return"), ("2026 Corporate year-end", "Ready for review", "2026 Year-end")],
            projects);
        var counts = await CountsAsync(app, practice);
        Assert.Equal((2, 5, 2), counts);

        await app.InPracticeAsync(practice, async sp =>
        {
            var recipe = (await sp.GetRequiredService<RecipeCatalog>().FindAsync("demo", default))!;
            await sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, null, default);
        });
        Assert.Equal(counts, await CountsAsync(app, practice));

        // Jordan Lee sees the return with the files of its folder, waiting on them.
        var jordan = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>().FindByEmailAsync("client@demo.example"));
        var client = await app.SignedInClientAsync(practice, jordan!, "Portal-Demo-2026!");
        var chooser = await client.GetDocumentAsync("portals/choose");
        var household = chooser.QuerySelectorAll("[data-portal]").First(e => e.TextContent.Contains("Lee household", StringComparison.Ordinal)).GetAttribute("data-portal");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("portals/choose", [], $"[data-portal='{household}'] form")).StatusCode);
        var list = await client.GetDocumentAsync("projects");
        var card = list.QuerySelector("[data-project='2025 Personal tax return']");
        Assert.NotNull(card);
        Assert.Equal("Waiting on you", card.QuerySelector("[data-testid=project-status]")!.TextContent.Trim());
        Assert.Contains("Engagement letter 2025.pdf", card.TextContent, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_step_with_a_problem_names_the_field_before_anything_runs(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var cases = new (string Step, string Field)[]
        {
            ("""{ "name": "projects", "projects": [ { "client": "", "name": "X", "status": "Received" } ] }""", "projects[0].client"),
            ("""{ "name": "projects", "projects": [ { "client": "C", "name": " ", "status": "Received" } ] }""", "projects[0].name"),
            ("""{ "name": "projects", "projects": [ { "client": "C", "name": "X", "status": "Received", "expectedOn": "31/12/2026" } ] }""", "projects[0].expectedOn"),
            ("""{ "name": "projects", "statuses": [ { "name": "Old", "retired": true } ], "projects": [ { "client": "C", "name": "X", "status": "old" } ] }""", "projects[0].status"),
            ("""{ "name": "projects", "statuses": [ { "name": "" } ] }""", "statuses[0].name"),
            ("""{ "name": "projects", "projcts": [] }""", "projcts"),
        };
        foreach (var (step, field) in cases)
        {
            var error = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(app, practice, step));
            Assert.Contains($"field '{field}'", error.Message, StringComparison.Ordinal);
        }

        // An unknown client is reported at its field when the step runs.
        var unknown = await Assert.ThrowsAsync<RecipeException>(() => RunAsync(app, practice, """{ "name": "projects", "projects": [ { "client": "Nobody", "name": "X", "status": "Received" } ] }"""));
        Assert.Contains("field 'projects[0].client'", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.InPracticeAsync(practice, sp => sp.GetRequiredService<ProjectsDbContext>().Projects.CountAsync()));
    }

    private static Task RunAsync(PortalApplication app, Portal.Core.Tenancy.TenantDescriptor practice, string step)
        => app.InPracticeAsync(practice, async sp =>
        {
            var recipe = RecipeParser.Parse($$"""{ "name": "projects-test", "steps": [ {{step}} ] }""", "projects-test");
            await sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, null, default);
        });

    private static Task<List<(string Name, string Status, string Folder)>> ProjectsAsync(PortalApplication app, Portal.Core.Tenancy.TenantDescriptor practice)
        => app.InPracticeAsync(practice, async sp =>
        {
            var db = sp.GetRequiredService<ProjectsDbContext>();
            var folders = await sp.GetRequiredService<Portal.Documents.Data.DocumentsDbContext>().Folders.ToDictionaryAsync(f => f.Id, f => f.Name);
            var rows = await db.Projects.Join(db.Statuses, p => p.StatusId, s => s.Id, (p, s) => new { p.Name, Status = s.Name, p.FolderId }).OrderBy(p => p.Name).ToListAsync();
            return rows.Select(r => (r.Name, r.Status, folders[r.FolderId])).ToList();
        });

    private static Task<(int Projects, int Statuses, int Changes)> CountsAsync(PortalApplication app, Portal.Core.Tenancy.TenantDescriptor practice)
        => app.InPracticeAsync(practice, async sp =>
        {
            var db = sp.GetRequiredService<ProjectsDbContext>();
            return (await db.Projects.CountAsync(), await db.Statuses.CountAsync(), await db.StatusChanges.CountAsync());
        });
}
