using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Sync.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Sync;

/// <summary>
/// portal-sync's authorization against a real practice: consent, PKCE (S256 only), loopback redirects,
/// single-use codes, rotating refresh tokens, revocation, and tokens bound to their practice.
/// </summary>
public sealed class SyncAuthorizationTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task An_approved_program_gets_reference_tokens_that_open_the_api_of_its_practice(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.AddAdministratorAsync(practice);
        var browser = await app.SignedInClientAsync(practice, admin);
        var program = app.ClientFor(practice);

        var consent = await browser.GetDocumentAsync(SyncOAuth.AuthorizeUrl(SyncOAuth.Redirect(), SyncOAuth.NewPkce().Challenge, device: "Reception <b>PC</b>"));
        Assert.Equal("Portal Sync (desktop program)", consent.QuerySelector("[data-testid=consent-application]")!.TextContent);
        Assert.Equal("Reception <b>PC</b>", consent.QuerySelector("[data-testid=consent-device]")!.TextContent);
        Assert.NotNull(consent.QuerySelector("[data-testid=consent-ip]"));
        Assert.Equal(2, consent.QuerySelectorAll("[data-testid=consent-abilities] li").Length);
        Assert.NotNull(consent.QuerySelector("[data-testid=consent-form] input[name=__RequestVerificationToken]"));

        var tokens = await SyncOAuth.LoginAsync(browser, program, device: "Reception PC");

        // The program's loopback sends the tab on to a page that says what happened.
        var finished = await browser.GetDocumentAsync("admin/connect/finished");
        Assert.Equal("You can close this tab", finished.QuerySelector("h1")!.TextContent);
        Assert.Contains("You approved Portal Sync (desktop program) on Reception PC", finished.QuerySelector("[data-testid=finished-outcome]")!.TextContent, StringComparison.Ordinal);
        var access = tokens.GetProperty("access_token").GetString()!;
        var refresh = tokens.GetProperty("refresh_token").GetString()!;
        Assert.Equal("Bearer", tokens.GetProperty("token_type").GetString());

        using var whoami = await SyncOAuth.WhoAmIAsync(program, access);
        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        var me = JsonDocument.Parse(await whoami.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(practice.Name, me.GetProperty("practice").GetString());
        Assert.Equal(admin.Id.ToString(), me.GetProperty("subject").GetString());
        Assert.Contains("sync", me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));

        // Reference tokens: the database holds only a hash of each token, never the token itself.
        var stored = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SyncDbContext>().Tokens.AsNoTracking()
            .Select(t => new { t.ReferenceId, t.Payload, t.Type }).ToListAsync());
        Assert.Contains(stored, t => t.ReferenceId == Hash(access));
        Assert.Contains(stored, t => t.ReferenceId == Hash(refresh));
        Assert.DoesNotContain(stored, t => t.ReferenceId == access || t.ReferenceId == refresh || (t.Payload ?? "").Contains(access, StringComparison.Ordinal));

        // The connection is listed with who approved it, the device, and its use.
        var list = await browser.GetDocumentAsync("admin/connected-apps");
        var row = Assert.Single(list.QuerySelectorAll("[data-testid=connected-apps] tbody tr"));
        Assert.Contains("Reception PC", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(admin.Email!, row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Active", row.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        Assert.DoesNotContain("Not used yet", row.TextContent, StringComparison.Ordinal);

    }

    [Theory, BothDatabases]
    public async Task A_wrong_or_missing_verifier_is_invalid_grant_and_plain_pkce_is_refused(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var browser = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var program = app.ClientFor(practice);
        var redirect = SyncOAuth.Redirect();

        var (verifier, challenge) = SyncOAuth.NewPkce();
        var code = await SyncOAuth.ApproveAsync(browser, redirect, challenge);
        var (wrongStatus, wrong) = await SyncOAuth.RedeemAsync(program, code, SyncOAuth.NewPkce().Verifier, redirect);
        Assert.Equal(HttpStatusCode.BadRequest, wrongStatus);
        Assert.Equal("invalid_grant", SyncOAuth.Error(wrong));

        var other = await SyncOAuth.ApproveAsync(browser, redirect, SyncOAuth.NewPkce().Challenge);
        var (missingStatus, missing) = await SyncOAuth.RedeemAsync(program, other, null, redirect);
        Assert.Equal(HttpStatusCode.BadRequest, missingStatus);
        Assert.Equal("invalid_grant", SyncOAuth.Error(missing));

        // plain is refused, and so is a request without any challenge: no consent is shown and no code issued.
        foreach (var url in new[] { SyncOAuth.AuthorizeUrl(redirect, verifier, method: "plain"), SyncOAuth.AuthorizeUrl(redirect, "") })
        {
            using var refused = await browser.GetAsync(url);
            if (refused.Headers.Location is { } location)
            {
                Assert.StartsWith(redirect + "?", location.ToString(), StringComparison.Ordinal);
                Assert.Equal("invalid_request", SyncOAuth.Query(location)["error"]);
                Assert.False(SyncOAuth.Query(location).ContainsKey("code"));
            }
            else
            {
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                var page = HtmlForms.Parse(await refused.Content.ReadAsStringAsync());
                Assert.NotNull(page.QuerySelector("[data-testid=consent-problem]"));
                Assert.Null(page.QuerySelector("[data-testid=consent-form]"));
            }
        }

        var discovery = JsonDocument.Parse(await program.GetStringAsync(".well-known/openid-configuration")).RootElement;
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
    }

    [Theory, BothDatabases]
    public async Task Only_loopback_redirects_to_the_registered_path_are_accepted_on_any_port(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var browser = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var program = app.ClientFor(practice);

        // Any port: the code works when redeemed with the same redirect.
        foreach (var port in new[] { 1024, 61999 })
        {
            var (verifier, challenge) = SyncOAuth.NewPkce();
            var code = await SyncOAuth.ApproveAsync(browser, SyncOAuth.Redirect(port), challenge);
            Assert.Equal(HttpStatusCode.OK, (await SyncOAuth.RedeemAsync(program, code, verifier, SyncOAuth.Redirect(port))).Status);
        }

        foreach (var redirect in new[]
        {
            SyncOAuth.Redirect(path: "/other"),
            SyncOAuth.Redirect(path: "/callback/extra"),
            SyncOAuth.Redirect(path: "/callback?next=https://attacker.example"),
            "http://localhost:5000/callback",
            "http://attacker.example:5000/callback",
            "https://127.0.0.1:5000/callback",
        })
        {
            using var response = await browser.GetAsync(SyncOAuth.AuthorizeUrl(redirect, SyncOAuth.NewPkce().Challenge));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Null(response.Headers.Location);
            var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
            Assert.NotNull(page.QuerySelector("[data-testid=consent-problem]"));
            Assert.Null(page.QuerySelector("[data-testid=consent-form]"));
        }

        // A code is bound to the redirect it was issued for.
        var (v, c) = SyncOAuth.NewPkce();
        var bound = await SyncOAuth.ApproveAsync(browser, SyncOAuth.Redirect(40000), c);
        var (status, body) = await SyncOAuth.RedeemAsync(program, bound, v, SyncOAuth.Redirect(40001));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", SyncOAuth.Error(body));
    }

    [Theory, BothDatabases]
    public async Task A_code_used_twice_revokes_the_tokens_it_issued(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var browser = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var program = app.ClientFor(practice);
        var redirect = SyncOAuth.Redirect();
        var (verifier, challenge) = SyncOAuth.NewPkce();
        var code = await SyncOAuth.ApproveAsync(browser, redirect, challenge);

        var (firstStatus, first) = await SyncOAuth.RedeemAsync(program, code, verifier, redirect);
        Assert.Equal(HttpStatusCode.OK, firstStatus);
        var access = first.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await SyncOAuth.WhoAmIAsync(program, access)).StatusCode);

        var (againStatus, again) = await SyncOAuth.RedeemAsync(program, code, verifier, redirect);
        Assert.Equal(HttpStatusCode.BadRequest, againStatus);
        Assert.Equal("invalid_grant", SyncOAuth.Error(again));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SyncOAuth.WhoAmIAsync(program, access)).StatusCode);
        var (refreshStatus, _) = await SyncOAuth.RefreshAsync(program, first.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, refreshStatus);
    }

    [Theory, BothDatabases]
    public async Task Refresh_tokens_rotate_and_a_reused_one_revokes_the_family(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var browser = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var program = app.ClientFor(practice);
        var tokens = await SyncOAuth.LoginAsync(browser, program);
        var firstRefresh = tokens.GetProperty("refresh_token").GetString()!;

        var (status, rotated) = await SyncOAuth.RefreshAsync(program, firstRefresh);
        Assert.Equal(HttpStatusCode.OK, status);
        var secondRefresh = rotated.GetProperty("refresh_token").GetString()!;
        var secondAccess = rotated.GetProperty("access_token").GetString()!;
        Assert.NotEqual(firstRefresh, secondRefresh);
        Assert.Equal(HttpStatusCode.OK, (await SyncOAuth.WhoAmIAsync(program, secondAccess)).StatusCode);

        // The first refresh token again: refused, and everything issued under the approval with it.
        var (reuseStatus, reuse) = await SyncOAuth.RefreshAsync(program, firstRefresh);
        Assert.Equal(HttpStatusCode.BadRequest, reuseStatus);
        Assert.Equal("invalid_grant", SyncOAuth.Error(reuse));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SyncOAuth.WhoAmIAsync(program, secondAccess)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SyncOAuth.RefreshAsync(program, secondRefresh)).Status);

        var list = await browser.GetDocumentAsync("admin/connected-apps");
        Assert.StartsWith("Ended", list.QuerySelector("[data-testid=connected-apps] tbody tr [data-testid=status]")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_disabled_approver_s_program_is_refused_at_its_next_refresh_and_its_connection_ends(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var approver = await app.AddAdministratorAsync(practice);
        var program = app.ClientFor(practice);
        var tokens = await SyncOAuth.LoginAsync(await app.SignedInClientAsync(practice, approver), program);
        var (status, _) = await SyncOAuth.RefreshAsync(program, tokens.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, status);
        var again = await SyncOAuth.LoginAsync(await app.SignedInClientAsync(practice, approver), program);

        await app.InPracticeAsync(practice, async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Identity.Models.PortalUser>>();
            var user = await users.FindByIdAsync(approver.Id.ToString());
            user!.IsDisabled = true;
            await users.UpdateAsync(user);
        });

        var (refused, error) = await SyncOAuth.RefreshAsync(program, again.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal("invalid_grant", SyncOAuth.Error(error));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SyncOAuth.WhoAmIAsync(program, again.GetProperty("access_token").GetString()!)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_program_is_refused_at_its_next_refresh_once_its_approver_loses_the_sync_permission(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var approver = await app.AddAdministratorAsync(practice);
        var program = app.ClientFor(practice);
        var tokens = await SyncOAuth.LoginAsync(await app.SignedInClientAsync(practice, approver), program);
        var (status, rotated) = await SyncOAuth.RefreshAsync(program, tokens.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, status);

        // Still staff, still able to sign in, but no longer an administrator: plain staff may not connect programs.
        await app.InPracticeAsync(practice, async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Identity.Models.PortalUser>>();
            var user = await users.FindByIdAsync(approver.Id.ToString());
            Assert.True((await users.RemoveFromRoleAsync(user!, Portal.Identity.Models.PortalRole.Administrator)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user!, Portal.Identity.Models.PortalRole.Staff)).Succeeded);
        });

        var (refused, error) = await SyncOAuth.RefreshAsync(program, rotated.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal("invalid_grant", SyncOAuth.Error(error));
        Assert.Contains("may no longer connect programs", error.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SyncOAuth.WhoAmIAsync(program, rotated.GetProperty("access_token").GetString()!)).StatusCode);
        var audited = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<Portal.Audit.Data.AuditDbContext>().Events.AsNoTracking()
            .Where(e => e.Action == Portal.Sync.Services.SyncAuditActions.Revoked).Select(e => e.Details).ToListAsync());
        Assert.Contains(audited, d => d != null && d.Contains("may no longer connect programs", StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task Revoking_on_connected_apps_refuses_the_next_call(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.AddAdministratorAsync(practice);
        var browser = await app.SignedInClientAsync(practice, admin);
        var program = app.ClientFor(practice);
        var kept = await SyncOAuth.LoginAsync(browser, program, device: "Kept laptop");
        var revoked = await SyncOAuth.LoginAsync(browser, program, device: "Stolen laptop");
        var access = revoked.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await SyncOAuth.WhoAmIAsync(program, access)).StatusCode);

        var list = await browser.GetDocumentAsync("admin/connected-apps");
        var row = list.QuerySelectorAll("[data-testid=connected-apps] tbody tr").Single(r => r.TextContent.Contains("Stolen laptop", StringComparison.Ordinal));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelector("form")!;
        using var posted = await browser.PostFormAsync(form, [], "admin/connected-apps");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SyncOAuth.WhoAmIAsync(program, access)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SyncOAuth.RefreshAsync(program, revoked.GetProperty("refresh_token").GetString()!)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SyncOAuth.WhoAmIAsync(program, kept.GetProperty("access_token").GetString()!)).StatusCode);

        var after = await browser.GetDocumentAsync("admin/connected-apps");
        var status = after.QuerySelectorAll("[data-testid=connected-apps] tbody tr").Single(r => r.TextContent.Contains("Stolen laptop", StringComparison.Ordinal))
            .QuerySelector("[data-testid=status]")!.TextContent;
        Assert.Contains($"Revoked by {admin.Email}", status, StringComparison.Ordinal);

        // Approvals and the revocation are in the audit trail, about the connection.
        var audited = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<Portal.Audit.Data.AuditDbContext>().Events.AsNoTracking()
            .Where(e => e.Action.StartsWith("sync.")).Select(e => new { e.Action, e.TargetType, e.TargetId }).ToListAsync());
        Assert.Equal(2, audited.Count(e => e.Action == Portal.Sync.Services.SyncAuditActions.Approved));
        var revokedId = row.GetAttribute("data-authorization");
        Assert.Contains(audited, e => e.Action == Portal.Sync.Services.SyncAuditActions.Revoked && e.TargetType == Portal.Sync.Services.SyncAuditTargets.Connection && e.TargetId == revokedId);
    }

    [Theory, BothDatabases]
    public async Task A_token_of_one_practice_is_refused_at_another(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var other = await app.CreatePracticeAsync();
        var browser = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var tokens = await SyncOAuth.LoginAsync(browser, app.ClientFor(practice));
        var access = tokens.GetProperty("access_token").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await SyncOAuth.WhoAmIAsync(app.ClientFor(practice), access)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SyncOAuth.WhoAmIAsync(app.ClientFor(other), access)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SyncOAuth.RefreshAsync(app.ClientFor(other), tokens.GetProperty("refresh_token").GetString()!)).Status);

        // Each practice is its own issuer, at its own address.
        var issuer = JsonDocument.Parse(await app.ClientFor(practice).GetStringAsync(".well-known/openid-configuration")).RootElement.GetProperty("issuer").GetString();
        var otherIssuer = JsonDocument.Parse(await app.ClientFor(other).GetStringAsync(".well-known/openid-configuration")).RootElement.GetProperty("issuer").GetString();
        Assert.Equal($"http://{practice.Name}.localhost/", issuer);
        Assert.Equal($"http://{other.Name}.localhost/", otherIssuer);
        var viaPrefix = JsonDocument.Parse(await app.ClientFor(practice, viaPrefix: true).GetStringAsync(".well-known/openid-configuration")).RootElement;
        Assert.Equal($"http://localhost/t/{practice.Name}", viaPrefix.GetProperty("issuer").GetString());
        Assert.Equal($"http://localhost/t/{practice.Name}/connect/token", viaPrefix.GetProperty("token_endpoint").GetString());

        // The platform's own site has no authorization server.
        Assert.Equal(HttpStatusCode.NotFound, (await app.HostClient().GetAsync(".well-known/openid-configuration")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Only_staff_with_the_sync_permission_may_approve(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var url = SyncOAuth.AuthorizeUrl(SyncOAuth.Redirect(), SyncOAuth.NewPkce().Challenge);

        using var anonymous = await app.ClientFor(practice).GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/signin", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);

        foreach (var user in new[] { await app.AddStaffAsync(practice), await app.AddClientAsync(practice) })
        {
            var browser = await app.SignedInClientAsync(practice, user);
            using var denied = await browser.GetAsync(url);
            Assert.True(denied.StatusCode is HttpStatusCode.Forbidden || denied.Headers.Location?.ToString().Contains("/account/access-denied", StringComparison.Ordinal) == true, $"{user.Email}: {(int)denied.StatusCode}");
            Assert.False(denied.Headers.Location?.ToString().StartsWith("http://127.0.0.1", StringComparison.Ordinal) == true);
        }

        Assert.Equal(0, await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SyncDbContext>().Connections.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task Deny_sends_access_denied_to_the_program_and_says_so_in_the_tab(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var browser = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var redirect = SyncOAuth.Redirect(51000);

        using var response = await SyncOAuth.DecideAsync(browser, SyncOAuth.AuthorizeUrl(redirect, SyncOAuth.NewPkce().Challenge, device: "Unknown PC"), "deny");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(redirect + "?", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var answer = SyncOAuth.Query(response.Headers.Location!);
        Assert.Equal("access_denied", answer["error"]);
        Assert.Equal("state-1", answer["state"]);
        Assert.False(answer.ContainsKey("code"));
        Assert.Contains(Portal.Sync.Services.SyncAuditActions.Denied, await app.InPracticeAsync(practice, sp => sp.GetRequiredService<Portal.Audit.Data.AuditDbContext>().Events.AsNoTracking().Select(e => e.Action).ToListAsync()));

        var finished = await browser.GetDocumentAsync("admin/connect/finished");
        Assert.Contains("You denied Portal Sync (desktop program) on Unknown PC", finished.QuerySelector("[data-testid=finished-outcome]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SyncDbContext>().Connections.CountAsync()));

        // A consent posted without its antiforgery token is refused and connects nothing.
        var page = await browser.GetDocumentAsync(SyncOAuth.AuthorizeUrl(redirect, SyncOAuth.NewPkce().Challenge));
        var fields = page.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlInputElement>("[data-testid=consent-form] input[type=hidden]")
            .Where(i => i.Name != "__RequestVerificationToken")
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Append(new("decision", "approve"));
        using var forged = await browser.PostAsync("admin/connect/authorize", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SyncDbContext>().Connections.CountAsync()));
    }

    private static string Hash(string token) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
