using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Identity.Data;
using Portal.Identity.Models;
using Portal.Identity.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Identity;

/// <summary>Links e-mailed before one-time links moved to Core keep working, once, after the upgrade.</summary>
public sealed class AccountTokensToOneTimeLinksTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task An_invitation_sent_before_the_upgrade_still_sets_the_password_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var user = await app.AddClientAsync(practice);
        const string token = "legacy-token-from-an-e-mail-sent-before-the-upgrade";
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.InPracticeAsync(practice, async sp =>
        {
            var db = sp.GetRequiredService<UsersDbContext>();
            db.AccountTokens.Add(new AccountToken
            {
                Id = Guid.CreateVersion7(),
                UserId = user.Id,
                Purpose = AccountLinkPurposes.SetPassword,
                TokenHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))),
                CreatedAt = now,
                ExpiresAt = now.AddDays(7),
            });
            await db.SaveChangesAsync();
        });
        var path = "account/set-password?token=" + token;
        Assert.Equal(HttpStatusCode.BadRequest, (await app.ClientFor(practice).GetAsync(path)).StatusCode);

        // Twice: a start interrupted after the upgrade ran runs it again.
        for (var run = 0; run < 2; run++)
        {
            await app.InPracticeAsync(practice, sp => new AccountTokensToOneTimeLinks().RunAsync(sp, default));
        }

        Assert.Equal(0, await app.InPracticeAsync(practice, sp => sp.GetRequiredService<UsersDbContext>().AccountTokens.CountAsync()));
        Assert.Equal(1, await app.InPracticeAsync(practice, sp => sp.GetRequiredService<CoreTenantDbContext>().OneTimeLinks.CountAsync(l => l.SubjectId == user.Id && l.Purpose == AccountLinkPurposes.SetPassword)));
        const string password = "Lighthouse-Orchard-Velvet-9";
        var set = await app.ClientFor(practice).SubmitFormAsync(path, new() { ["Password"] = password, ["ConfirmPassword"] = password });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.ClientFor(practice).GetAsync(path)).StatusCode);
    }
}
