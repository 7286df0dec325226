using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Documents.Data;
using Portal.Documents.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Documents;

/// <summary>The "documents" recipe step, through the demo recipe and through recipes that get it wrong.</summary>
public sealed class DocumentRecipeTests(SharedApps apps) : IClassFixture<SharedApps>, IAsyncLifetime
{
    private readonly string _recipes = Path.Combine(Path.GetTempPath(), "portal-document-recipes-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_recipes, "files"));
        File.WriteAllText(Path.Combine(_recipes, "files", "letter.txt"), "Dear client, here is your letter.");
        File.WriteAllBytes(Path.Combine(_recipes, "files", "setup.pdf"), [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
        const string Prefix = """
            { "name": "NAME", "isSetupRecipe": true,
              "steps": [
                { "name": "features", "enable": ["Portal.Documents"] },
                { "name": "roles", "roles": [ { "name": "Staff", "displayName": "Staff" } ] },
                { "name": "users", "users": [ { "email": "sam@recipe.example", "displayName": "Sam", "kind": "Staff", "roles": ["Staff"] } ] },
                { "name": "clients", "clients": [ { "name": "Known Client", "externalId": "K-1" } ] },
            """;
        Write("unknown-client", Prefix + """
                { "name": "documents", "clients": [ { "client": "K-404", "documents": [ { "file": "files/letter.txt", "by": "sam@recipe.example" } ] } ] } ] }
            """);
        Write("unknown-folder", Prefix + """
                { "name": "documents", "clients": [ { "client": "K-1", "folders": [ { "name": "Letters" } ],
                  "documents": [ { "file": "files/letter.txt", "folder": "Letters/2025", "by": "sam@recipe.example" } ] } ] } ] }
            """);
        Write("disguised-executable", Prefix + """
                { "name": "documents", "clients": [ { "client": "Known Client",
                  "documents": [ { "file": "files/setup.pdf", "by": "sam@recipe.example" } ] } ] } ] }
            """);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_recipes, recursive: true);
        return Task.CompletedTask;
    }

    [Theory, BothDatabases]
    public async Task The_demo_recipe_fills_folders_both_ways_and_a_second_run_adds_nothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync(recipe: "demo");

        var before = await CountAsync(app, practice);
        Assert.Equal((7, 8, 8, 5, 3), before);
        await app.InPracticeAsync(practice, async sp =>
        {
            var recipe = (await sp.GetRequiredService<RecipeCatalog>().FindAsync("demo", default))!;
            await sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, null, default);
        });
        Assert.Equal(before, await CountAsync(app, practice));

        // Staff see the three files the demo clients uploaded as new.
        var admin = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Identity.Models.PortalUser>>().FindByEmailAsync("admin@demo.example"));
        var staff = await app.SignedInClientAsync(practice, admin!, "Portal-Demo-2026!");
        var overview = await staff.GetDocumentAsync("admin/documents");
        Assert.Equal("3", overview.QuerySelector("[data-testid=new-count]")!.TextContent.Trim());

        // The demo client downloads the engagement letter: the bytes of the file next to the recipe.
        var letter = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<DocumentsDbContext>().Documents
            .Where(d => d.Name == "Engagement letter 2025.pdf").Select(d => d.CurrentVersionId).SingleAsync());
        var demoClient = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Identity.Models.PortalUser>>().FindByEmailAsync("client@demo.example"));
        var client = await app.SignedInClientAsync(practice, demoClient!, "Portal-Demo-2026!");
        var asset = await app.InPracticeAsync(practice, async sp =>
            Path.Combine((await sp.GetRequiredService<RecipeCatalog>().FindAsync("demo", default))!.BasePath!, "assets", "documents", "engagement-letter-2025.pdf"));
        var downloaded = await client.GetByteArrayAsync($"documents/versions/{letter}/download");
        Assert.Equal(SHA256.HashData(await File.ReadAllBytesAsync(asset)), SHA256.HashData(downloaded));

        // The bank's contributor sees the trust's financial statements, shared with them by the
        // recipe, and nothing else of the household.
        var statements = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<DocumentsDbContext>().Documents
            .Where(d => d.Name == "Trust financial statements 2025.pdf").Select(d => d.CurrentVersionId).SingleAsync());
        var bankerUser = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Identity.Models.PortalUser>>().FindByEmailAsync("banker@demo.example"));
        var banker = await app.SignedInClientAsync(practice, bankerUser!, "Portal-Demo-2026!");
        Assert.Equal(HttpStatusCode.OK, (await banker.GetAsync($"documents/versions/{statements}/download")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await banker.GetAsync($"documents/versions/{letter}/download")).StatusCode);
    }

    [Theory]
    [InlineData("unknown-client", "step 5 (documents), field 'clients[0].client'", "K-404")]
    [InlineData("unknown-folder", "step 5 (documents), field 'clients[0].documents[0].folder'", "Letters/2025")]
    [InlineData("disguised-executable", "step 5 (documents), field 'clients[0].documents[0].file'", "does not contain what its name says")]
    public async Task A_wrong_documents_step_names_its_field_and_leaves_no_practice(string recipe, string field, string detail)
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite, o => o.Set("Portal:Recipes:Path", _recipes));
        var name = Practices.UniqueName();
        var result = await app.Get<TenantSetupService>().SetupAsync(new TenantSetupRequest(name, "X", "a@b.example", recipe), default);

        Assert.False(result.Succeeded);
        Assert.True(result.Error!.Contains(field, StringComparison.Ordinal), result.Error);
        Assert.True(result.Error.Contains(detail, StringComparison.OrdinalIgnoreCase), result.Error);
        Assert.Null(app.Get<TenantRegistry>().Find(name));
    }

    private void Write(string name, string json) => File.WriteAllText(Path.Combine(_recipes, name + ".recipe.json"), json.Replace("NAME", name, StringComparison.Ordinal));

    private static Task<(int Folders, int Documents, int Versions, int ToClient, int FromClient)> CountAsync(PortalApplication app, TenantDescriptor practice)
        => app.InPracticeAsync(practice, async sp =>
        {
            var db = sp.GetRequiredService<DocumentsDbContext>();
            return (
                await db.Folders.CountAsync(),
                await db.Documents.CountAsync(),
                await db.Versions.CountAsync(),
                await db.Versions.CountAsync(v => v.Direction == TransferDirection.ToClient),
                await db.Versions.CountAsync(v => v.Direction == TransferDirection.FromClient));
        });
}
