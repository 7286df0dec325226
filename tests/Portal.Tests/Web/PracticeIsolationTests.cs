using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Mail;
using Portal.Core.Settings;
using Portal.Identity.Data;
using Portal.Identity.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>Two practices with identically named data never see each other's rows, by code or by HTTP.</summary>
public sealed class PracticeIsolationTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Identically_named_rows_stay_in_their_own_practice(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var a = await app.CreatePracticeAsync(displayName: "Practice A");
        var b = await app.CreatePracticeAsync(displayName: "Practice B");
        const string email = "same.person@clients.example";
        await app.AddUserAsync(a, email, UserKind.Client, displayName: "Seen by A");
        await app.AddUserAsync(b, email, UserKind.Client, displayName: "Seen by B");
        await app.InPracticeAsync(a, sp => sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new SiteSettings { ContactEmail = "office@a.example" }));
        await app.InPracticeAsync(b, sp => sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new SiteSettings { ContactEmail = "office@b.example" }));
        await app.InPracticeAsync(a, sp => sp.GetRequiredService<IMailOutbox>().QueueAsync(new MailDraft(["x@y.example"], "Only for A", "<p>a</p>", "a")));

        var seenByA = await app.InPracticeAsync(a, sp => sp.GetRequiredService<UsersDbContext>().Users.Where(u => u.Email == email).Select(u => u.DisplayName).ToListAsync());
        var seenByB = await app.InPracticeAsync(b, sp => sp.GetRequiredService<UsersDbContext>().Users.Where(u => u.Email == email).Select(u => u.DisplayName).ToListAsync());
        Assert.Equal(["Seen by A"], seenByA);
        Assert.Equal(["Seen by B"], seenByB);

        Assert.Equal("office@a.example", (await app.InPracticeAsync(a, sp => sp.GetRequiredService<SiteSettingsStore>().GetAsync<SiteSettings>())).ContactEmail);
        Assert.Equal("office@b.example", (await app.InPracticeAsync(b, sp => sp.GetRequiredService<SiteSettingsStore>().GetAsync<SiteSettings>())).ContactEmail);

        var outboxB = await app.InPracticeAsync(b, sp => sp.GetRequiredService<CoreTenantDbContext>().OutboxMessages.Select(m => m.Subject).ToListAsync());
        Assert.DoesNotContain("Only for A", outboxB);
        Assert.Contains("Only for A", await app.InPracticeAsync(a, sp => sp.GetRequiredService<CoreTenantDbContext>().OutboxMessages.Select(m => m.Subject).ToListAsync()));
    }

    [Theory, BothDatabases]
    public async Task A_session_of_one_practice_is_worthless_at_another(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var a = await app.CreatePracticeAsync();
        var b = await app.CreatePracticeAsync();
        const string email = "shared.admin@both.example";
        var adminA = await app.AddUserAsync(a, email, UserKind.Staff, [PortalRole.Administrator]);
        await app.AddUserAsync(b, email, UserKind.Staff, [PortalRole.Administrator]);

        // Same host, different prefixes: take A's session cookie and present it to B.
        var clientA = app.ClientFor(a, viaPrefix: true);
        var signIn = await clientA.SubmitFormAsync("account/signin", new() { ["Email"] = email, ["Password"] = Practices.StaffPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("portal.session=", StringComparison.Ordinal)).Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await clientA.GetAsync("admin")).StatusCode);

        var stolen = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://localhost/t/{b.Name}/admin"));
        stolen.Headers.Add("Cookie", cookie);
        var atB = await app.HostClient().SendAsync(stolen);
        Assert.Equal(HttpStatusCode.Redirect, atB.StatusCode);
        Assert.Contains("/account/signin", atB.Headers.Location!.ToString(), StringComparison.Ordinal);

        // And on B's own host name.
        var stolenByHost = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{b.Name}.localhost/admin"));
        stolenByHost.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await app.HostClient().SendAsync(stolenByHost)).StatusCode);

        // The cookie is scoped to A's prefix, so a browser would not even send it to B.
        Assert.Contains($"path=/t/{a.Name}", signIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("portal.session=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        _ = adminA;
    }
}
