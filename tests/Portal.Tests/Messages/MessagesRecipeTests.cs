using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.Messages.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Messages;

/// <summary>The "messages" recipe step: the demo's conversation, a second run that adds nothing, and steps that get it wrong.</summary>
public sealed class MessagesRecipeTests(SharedApps apps) : IClassFixture<SharedApps>, IAsyncLifetime
{
    private readonly string _recipes = Path.Combine(Path.GetTempPath(), "portal-messages-recipes-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_recipes);
        const string Prefix = """
            { "name": "NAME", "isSetupRecipe": true,
              "steps": [
                { "name": "features", "enable": ["Portal.Documents", "Portal.Messages"] },
                { "name": "roles", "roles": [ { "name": "Staff", "displayName": "Staff" } ] },
                { "name": "users", "users": [ { "email": "sam@recipe.example", "displayName": "Sam", "kind": "Staff", "roles": ["Staff"] } ] },
                { "name": "clients", "clients": [ { "name": "Known Client", "externalId": "K-1" } ] },
            """;
        Write("unknown-reason", Prefix + """
                { "name": "messages", "threads": [ { "client": "K-1", "subject": "Hi", "reason": "Gossip", "messages": [ { "from": "sam@recipe.example", "text": "Hello" } ] } ] } ] }
            """);
        Write("bad-route", Prefix + """
                { "name": "messages", "reasons": [ { "name": "Payroll", "routeTo": "role:Janitors" } ] } ] }
            """);
        Write("empty-text", Prefix + """
                { "name": "messages", "threads": [ { "client": "K-1", "subject": "Hi", "messages": [ { "from": "sam@recipe.example", "text": " " } ] } ] } ] }
            """);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_recipes, recursive: true);
        return Task.CompletedTask;
    }

    [Theory, BothDatabases]
    public async Task The_demo_has_a_routed_tax_question_and_an_unread_answer_and_a_second_run_adds_nothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync(recipe: "demo");
        var scenarioThreads = await ThreadsAsync(app, practice);
        Assert.Equal(2, scenarioThreads.Count);
        var tax = scenarioThreads.Single(t => t.Kind == MessageThreadKind.Contact);
        var staffUser = await UserAsync(app, practice, "staff@demo.example");
        Assert.Equal(staffUser.Id, tax.AssignedUserId);
        Assert.Equal(3, tax.MessageCount);
        Assert.True(tax.LastMessageFromClient);

        await app.InPracticeAsync(practice, async sp =>
        {
            var recipe = (await sp.GetRequiredService<RecipeCatalog>().FindAsync("demo", default))!;
            await sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, null, default);
        });
        Assert.Equal(2, (await ThreadsAsync(app, practice)).Count);

        // Jordan has one unread conversation (the practice's note about missing slips); Sam has the question waiting.
        var client = await app.SignedInClientAsync(practice, await UserAsync(app, practice, "client@demo.example"), "Portal-Demo-2026!");
        var chooser = await client.GetDocumentAsync("portals/choose");
        var lee = chooser.QuerySelectorAll("section").Single(section => section.TextContent.Contains("Lee household", StringComparison.Ordinal));
        await client.PostFormAsync((AngleSharp.Html.Dom.IHtmlFormElement)lee.QuerySelector("form")!, [], "portals/choose");
        var clientNav = await client.GetDocumentAsync("messages");
        Assert.Equal("1", clientNav.QuerySelector("nav a[href$='/messages'] .nav-count [aria-hidden=true]")?.TextContent);
        var staff = await app.SignedInClientAsync(practice, staffUser, "Portal-Demo-2026!");
        Assert.Equal("1", (await staff.GetDocumentAsync("admin")).QuerySelector("nav a[href$='/admin/messages'] .nav-count [aria-hidden=true]")?.TextContent);
    }

    [Theory]
    [InlineData("unknown-reason", "field 'threads[0].reason'", "Gossip")]
    [InlineData("bad-route", "field 'reasons[0].routeTo'", "role:Janitors")]
    [InlineData("empty-text", "field 'threads[0].messages[0].text'", "Write a message")]
    public async Task A_wrong_messages_step_names_its_field_and_leaves_no_practice(string recipe, string field, string detail)
    {
        await using var app = await PortalApplication.StartAsync(DatabaseProvider.Sqlite, o => o.Set("Portal:Recipes:Path", _recipes));
        var name = Practices.UniqueName();
        var result = await app.Get<TenantSetupService>().SetupAsync(new TenantSetupRequest(name, "X", "a@b.example", recipe), default);

        Assert.False(result.Succeeded);
        Assert.True(result.Error!.Contains(field, StringComparison.Ordinal), result.Error);
        Assert.True(result.Error.Contains(detail, StringComparison.OrdinalIgnoreCase), result.Error);
        Assert.Null(app.Get<TenantRegistry>().Find(name));
    }

    private static Task<List<MessageThread>> ThreadsAsync(PortalApplication app, TenantDescriptor practice)
        => app.InPracticeAsync(practice, sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(sp.GetRequiredService<Portal.Messages.Data.MessagesDbContext>().Threads));

    private static async Task<PortalUser> UserAsync(PortalApplication app, TenantDescriptor practice, string email)
        => (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email)))!;

    private void Write(string name, string json) => File.WriteAllText(Path.Combine(_recipes, name + ".recipe.json"), json.Replace("NAME", name, StringComparison.Ordinal));
}
