using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Data;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Identity.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Billing;

/// <summary>The "invoices" recipe step, through the demo recipe.</summary>
public sealed class BillingRecipeTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task The_demo_recipe_gives_the_demo_client_invoices_and_a_second_run_adds_nothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync(recipe: "demo");
        var statuses = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<BillingDbContext>().Invoices.OrderBy(i => i.Number).Select(i => i.Number + " " + i.Status).ToListAsync());
        Assert.Equal(["INV-2026-064 Paid", "INV-2026-087 PartlyPaid", "INV-2026-101 Open", "INV-2026-110 Open"], statuses);

        await app.InPracticeAsync(practice, async sp =>
        {
            var recipe = (await sp.GetRequiredService<RecipeCatalog>().FindAsync("demo", default))!;
            await sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, null, default);
        });
        var counts = await app.InPracticeAsync(practice, async sp =>
        {
            var db = sp.GetRequiredService<BillingDbContext>();
            return (await db.Invoices.CountAsync(), await db.Payments.CountAsync());
        });
        Assert.Equal((4, 2), counts);

        // The bakery's owner (one portal) sees the bakery's invoice and none of the Lee household's.
        var casey = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync("owner@demo.example"));
        var client = await app.SignedInClientAsync(practice, casey!, "Portal-Demo-2026!");
        var page = await client.GetStringAsync("billing");
        Assert.Contains("INV-2026-110", page, StringComparison.Ordinal);
        Assert.DoesNotContain("INV-2026-101", page, StringComparison.Ordinal);
        Assert.DoesNotContain("CA8Xy2Kq", page, StringComparison.Ordinal);
    }
}
