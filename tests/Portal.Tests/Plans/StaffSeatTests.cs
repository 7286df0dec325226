using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Identity.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Plans;

/// <summary>
/// The plan's staff seats under pressure: parallel invitations (and re-enablings) for the last seat let exactly one
/// through on both databases, and the operator's recipe may add staff beyond the seats, which the practice's usage
/// page and the operator's plan form both say.
/// </summary>
public sealed class StaffSeatTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private const int Racers = 8;

    [Theory, BothDatabases]
    public async Task Parallel_invitations_for_the_last_seat_let_exactly_one_through(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        await app.AddAdministratorAsync(practice);
        var plan = await app.CreatePlanAsync(staffSeats: await EnabledStaffAsync(app, practice) + 1);
        await app.AssignPlanAsync(practice, plan);

        var results = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => app.InPracticeAsync(practice, sp => sp.GetRequiredService<StaffAdministration>()
            .InviteAsync($"racer-{i}-{Guid.NewGuid():N}@staff.example", $"Racer {i}", ["Staff"], InvitationMethod.Link))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains("staff seat", r.Error, StringComparison.Ordinal));
        Assert.Equal(plan.StaffSeats, await EnabledStaffAsync(app, practice));
    }

    [Theory, BothDatabases]
    public async Task Parallel_re_enablings_for_the_last_seat_let_exactly_one_through(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        await app.AddAdministratorAsync(practice);
        var disabled = new List<Guid>();
        for (var i = 0; i < Racers; i++)
        {
            var staff = await app.AddStaffAsync(practice);
            await app.InPracticeAsync(practice, async sp =>
            {
                var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Identity.Models.PortalUser>>();
                await sp.GetRequiredService<UserAccounts>().DisableAsync((await users.FindByIdAsync(staff.Id.ToString()))!);
                return true;
            });
            disabled.Add(staff.Id);
        }

        var plan = await app.CreatePlanAsync(staffSeats: await EnabledStaffAsync(app, practice) + 1);
        await app.AssignPlanAsync(practice, plan);

        var refusals = await Task.WhenAll(disabled.Select(id => app.InPracticeAsync(practice, async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Identity.Models.PortalUser>>();
            return await sp.GetRequiredService<StaffAdministration>().EnableAsync((await users.FindByIdAsync(id.ToString()))!);
        })));

        Assert.Single(refusals, r => r is null);
        Assert.Equal(plan.StaffSeats, await EnabledStaffAsync(app, practice));
    }

    [Theory, BothDatabases]
    public async Task The_operator_s_recipe_may_add_staff_beyond_the_seats_and_the_pages_say_so(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.AddAdministratorAsync(practice);
        var seats = await EnabledStaffAsync(app, practice);
        var plan = await app.CreatePlanAsync(staffSeats: seats);
        await app.AssignPlanAsync(practice, plan);
        var recipe = RecipeParser.Parse(
            $$"""{ "name": "seats-test", "steps": [ { "name": "users", "users": [ { "email": "over-{{Guid.NewGuid():N}}@staff.example", "displayName": "Over", "kind": "Staff" } ] } ] }""",
            "seats-test.recipe.json");

        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, null, default));

        Assert.Equal(seats + 1, await EnabledStaffAsync(app, practice));
        var browser = await app.SignedInClientAsync(practice, admin);
        var usage = await browser.GetDocumentAsync("admin/plan");
        var line = usage.QuerySelector("[data-testid=usage-staff-seats]")?.TextContent ?? "";
        Assert.Contains($"{seats + 1} of {seats} in use", line, StringComparison.Ordinal);
        Assert.Contains("platform operator added staff beyond the plan", line, StringComparison.Ordinal);
        var invite = await browser.GetDocumentAsync("admin/users/invite");
        Assert.NotNull(invite.QuerySelector("[data-testid=seats-full]"));

        var host = await app.OperatorClientAsync();
        var form = await host.GetDocumentAsync($"admin/plans/{plan.Id}");
        Assert.Contains("you can still add staff beyond them yourself", form.QuerySelector("[data-testid=plan-seats-help]")?.TextContent, StringComparison.Ordinal);
    }

    private static async Task<int> EnabledStaffAsync(PortalApplication app, Portal.Core.Tenancy.TenantDescriptor practice)
        => (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().ListStaffAsync())).Count(s => !s.IsDisabled);
}
