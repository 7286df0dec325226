using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Identity.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Identity;

/// <summary>
/// The recipe step that creates users with passwords (the demo's five sign-ins): the passwords are
/// checked before anyone is created, and each user gets a hash of their own.
/// </summary>
public sealed class UsersRecipeStepTests
{
    private const string Password = "Harbour-Lantern-Pebble-42";

    [Theory, BothDatabases]
    public async Task Users_given_the_same_password_each_get_their_own_salted_hash_and_sign_in_with_it(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider);
        var practice = await app.CreatePracticeAsync();
        string[] emails = ["ana@users.example", "ben@users.example", "cy@users.example"];
        var recipe = Recipe($$"""
            { "name": "users",
              "users": [ { "email": "{{emails[0]}}", "displayName": "Ana", "kind": "Staff", "password": "{{Password}}" },
                         { "email": "{{emails[1]}}", "displayName": "Ben", "kind": "Client", "password": "{{Password}}" },
                         { "email": "{{emails[2]}}", "displayName": "Cy", "kind": "Client", "password": "{{Password}}" } ] }
            """);

        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, null, default));

        var users = await app.InPracticeAsync(practice, async sp =>
        {
            var manager = sp.GetRequiredService<UserManager<PortalUser>>();
            var found = new List<(PortalUser User, bool SignsIn)>();
            foreach (var email in emails)
            {
                var user = (await manager.FindByEmailAsync(email))!;
                found.Add((user, await manager.CheckPasswordAsync(user, Password)));
            }

            return found;
        });
        Assert.All(users, u => Assert.True(u.SignsIn, $"{u.User.Email} cannot sign in with the recipe's password."));
        Assert.All(users, u => Assert.True(u.User.EmailConfirmed, $"{u.User.Email} is not confirmed."));
        Assert.Equal(3, users.Select(u => u.User.PasswordHash).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory, BothDatabases]
    public async Task A_password_against_the_rules_is_reported_at_its_field_before_any_user_is_created(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider);
        var practice = await app.CreatePracticeAsync();
        var recipe = Recipe($$"""
            { "name": "users",
              "users": [ { "email": "first@users.example", "displayName": "First", "kind": "Staff", "password": "{{Password}}" },
                         { "email": "weak@users.example", "displayName": "Weak", "kind": "Client", "password": "password" } ] }
            """);

        var error = await Assert.ThrowsAsync<RecipeException>(
            () => app.InPracticeAsync(practice, sp => sp.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, null, default)));

        Assert.Equal("users[1].password", error.Field);
        Assert.Contains("too common", error.Problem, StringComparison.Ordinal);
        var created = await app.InPracticeAsync(practice, async sp =>
        {
            var manager = sp.GetRequiredService<UserManager<PortalUser>>();
            return (First: await manager.FindByEmailAsync("first@users.example"), Weak: await manager.FindByEmailAsync("weak@users.example"));
        });
        Assert.Null(created.First);
        Assert.Null(created.Weak);
    }

    private static RecipeDescriptor Recipe(string usersStep)
        => RecipeParser.Parse($$"""{ "name": "users-test", "steps": [ {{usersStep}} ] }""", "users-test.recipe.json");
}
