using System.Buffers.Text;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Data;
using Portal.Core.Data;
using Portal.SecureMail.Data;
using Portal.SecureMail.Models;
using Portal.SecureMail.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.SecureMail;

/// <summary>The recipient's unlock page against security.md section 5.</summary>
public sealed class SecureMailUnlockTests(SecureMailApps apps) : IClassFixture<SecureMailApps>
{
    [Theory, BothDatabases]
    public async Task The_right_password_opens_the_message_in_that_browser_only(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var (id, token) = await scenario.PlaceAsync();
        var browser = scenario.App.ClientFor(scenario.Practice);

        var locked = await browser.GetDocumentAsync(SecureMailScenario.OpenPath(token));
        Assert.Equal(SecureMailScenario.Hint, locked.QuerySelector("[data-testid=secure-mail-hint]")?.TextContent);
        Assert.DoesNotContain("The placed secret text", locked.Body!.TextContent, StringComparison.Ordinal);

        var unlock = await browser.SubmitFormAsync(SecureMailScenario.OpenPath(token), new() { ["Password"] = SecureMailScenario.Password }, "[data-testid=secure-mail-unlock]");
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        var opened = await browser.GetDocumentAsync(SecureMailScenario.OpenPath(token));
        Assert.Contains("The placed secret text", opened.QuerySelector("[data-testid=secure-mail-body]")?.TextContent, StringComparison.Ordinal);

        var elsewhere = await scenario.App.ClientFor(scenario.Practice).GetDocumentAsync(SecureMailScenario.OpenPath(token));
        Assert.Null(elsewhere.QuerySelector("[data-testid=secure-mail-body]"));
        var message = await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(SecureMessageStatus.Unlocked, message.Status(DateTime.UtcNow));
        Assert.Equal(0, message.FailedAttempts);
    }

    [Theory, BothDatabases]
    public async Task A_message_opened_the_most_times_allowed_answers_410_to_the_next_unlock(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        const int allowed = 2;
        var (id, token) = await scenario.PlaceAsync(m => m.MaxOpens = allowed);
        var late = scenario.App.ClientFor(scenario.Practice);
        var lateForm = (await late.GetDocumentAsync(SecureMailScenario.OpenPath(token))).QuerySelector("[data-testid=secure-mail-unlock]") as AngleSharp.Html.Dom.IHtmlFormElement ?? throw new InvalidOperationException("no unlock form");
        for (var i = 0; i < allowed; i++)
        {
            var browser = scenario.App.ClientFor(scenario.Practice);
            var unlocked = await browser.SubmitFormAsync(SecureMailScenario.OpenPath(token), new() { ["Password"] = SecureMailScenario.Password }, "[data-testid=secure-mail-unlock]");
            Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
            var opened = await browser.GetDocumentAsync(SecureMailScenario.OpenPath(token));
            Assert.Contains("The placed secret text", opened.QuerySelector("[data-testid=secure-mail-body]")?.TextContent, StringComparison.Ordinal);
        }

        // The (N+1)th unlock, from a form fetched while opens were left, and the page itself are both 410.
        var extra = await late.PostFormAsync(lateForm, new() { ["Password"] = SecureMailScenario.Password }, SecureMailScenario.OpenPath(token));
        Assert.Equal(HttpStatusCode.Gone, extra.StatusCode);
        Assert.Contains("opened the most times its sender allowed", HtmlForms.Parse(await extra.Content.ReadAsStringAsync()).QuerySelector("[data-testid=secure-mail-problem]")?.TextContent, StringComparison.Ordinal);
        var page = await scenario.App.ClientFor(scenario.Practice).GetAsync(SecureMailScenario.OpenPath(token));
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);

        var message = await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal((allowed, SecureMessageStatus.OpensUsed), (message.OpenCount, message.Status(DateTime.UtcNow)));
    }

    [Theory, BothDatabases]
    public async Task Parallel_right_passwords_take_no_more_opens_than_allowed(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        // As many attempts as the wrong-password cap takes at once (each holds a slot while its password is checked).
        var (id, token) = await scenario.PlaceAsync(m => m.MaxOpens = 2);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, SecureMessage.MaxFailedAttempts).Select(i => scenario.InPracticeAsync(async sp =>
        {
            var unlock = sp.GetRequiredService<SecureMessageUnlock>();
            return await unlock.AttemptAsync((await unlock.FindAsync(token))!, SecureMailScenario.Password, $"198.51.100.{i + 20}");
        })));

        Assert.Equal(2, outcomes.Count(o => o == UnlockOutcome.Unlocked));
        Assert.Equal(SecureMessage.MaxFailedAttempts - 2, outcomes.Count(o => o == UnlockOutcome.OpensUsed));
        var message = await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal((2, 0), (message.OpenCount, message.FailedAttempts));
    }

    [Theory, BothDatabases]
    public async Task After_five_wrong_passwords_from_different_ips_the_sixth_is_refused_even_when_right(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var (id, token) = await scenario.PlaceAsync();
        var outcomes = new List<UnlockOutcome>();
        for (var i = 1; i <= SecureMessage.MaxFailedAttempts; i++)
        {
            var ip = $"198.51.100.{i}";
            outcomes.Add(await scenario.InPracticeAsync(async sp =>
            {
                var unlock = sp.GetRequiredService<SecureMessageUnlock>();
                return await unlock.AttemptAsync((await unlock.FindAsync(token))!, $"wrong-guess-{i}", ip);
            }));
        }

        Assert.All(outcomes, o => Assert.Equal(UnlockOutcome.WrongPassword, o));
        var sixth = await scenario.InPracticeAsync(async sp =>
        {
            var unlock = sp.GetRequiredService<SecureMessageUnlock>();
            return await unlock.AttemptAsync((await unlock.FindAsync(token))!, SecureMailScenario.Password, "203.0.113.99");
        });
        Assert.Equal(UnlockOutcome.Locked, sixth);

        // Through the page too: the right password is refused, the page says to ask the sender.
        var browser = scenario.App.ClientFor(scenario.Practice);
        var page = await browser.GetAsync(SecureMailScenario.OpenPath(token));
        Assert.Equal((HttpStatusCode)423, page.StatusCode);
        Assert.Contains("Ask the sender", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var message = await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(SecureMessageStatus.Locked, message.Status(DateTime.UtcNow));
        Assert.Null(message.UnlockedAt);

        // Staff re-open it: the right password works again.
        Assert.True(await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMessageControls>().ReopenAsync(id)));
        var unlock = await browser.SubmitFormAsync(SecureMailScenario.OpenPath(token), new() { ["Password"] = SecureMailScenario.Password }, "[data-testid=secure-mail-unlock]");
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Five_wrong_passwords_through_the_page_lock_the_message(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var (_, token) = await scenario.PlaceAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < SecureMessage.MaxFailedAttempts; i++)
        {
            // A fresh browser each time: the cap is the message's, not the browser's.
            var browser = scenario.App.ClientFor(scenario.Practice);
            statuses.Add((await browser.SubmitFormAsync(SecureMailScenario.OpenPath(token), new() { ["Password"] = "not-the-password" }, "[data-testid=secure-mail-unlock]")).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.UnprocessableEntity, SecureMessage.MaxFailedAttempts - 1), (HttpStatusCode)423], statuses);
    }

    [Theory, BothDatabases]
    public async Task An_empty_password_is_asked_for_at_the_field_and_uses_no_attempt(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var (messageId, token) = await scenario.PlaceAsync();
        var browser = scenario.App.ClientFor(scenario.Practice);
        for (var i = 0; i <= SecureMessage.MaxFailedAttempts; i++)
        {
            var response = await browser.SubmitFormAsync(SecureMailScenario.OpenPath(token), new() { ["Password"] = "" }, "[data-testid=secure-mail-unlock]");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains("Enter the password.", HtmlForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#password-error")?.TextContent, StringComparison.Ordinal);
        }

        var stored = await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == messageId));
        Assert.Equal(0, stored.FailedAttempts);
        Assert.Null(stored.LockedAt);
    }

    [Theory, BothDatabases]
    public async Task Wrong_passwords_sent_at_once_cannot_pass_the_cap(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var (id, token) = await scenario.PlaceAsync();

        // All read the message before any of them locks it: only the count taken in the database stops the sixth.
        var outcomes = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => scenario.InPracticeAsync(async sp =>
        {
            var unlock = sp.GetRequiredService<SecureMessageUnlock>();
            return await unlock.AttemptAsync((await unlock.FindAsync(token))!, $"parallel-guess-{i}", $"198.18.0.{i}");
        })));

        Assert.Equal(SecureMessage.MaxFailedAttempts, outcomes.Count(o => o == UnlockOutcome.WrongPassword));
        Assert.Equal(12 - SecureMessage.MaxFailedAttempts, outcomes.Count(o => o == UnlockOutcome.Locked));
        var message = await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal((SecureMessage.MaxFailedAttempts, true), (message.FailedAttempts, message.LockedAt is not null));
    }

    [Theory, BothDatabases]
    public async Task An_expired_link_answers_410(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var (id, token) = await scenario.PlaceAsync(m => m.ExpiresAt = DateTime.UtcNow.AddMinutes(-1));
        var browser = scenario.App.ClientFor(scenario.Practice);

        var page = await browser.GetAsync(SecureMailScenario.OpenPath(token));
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("expired", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var outcome = await scenario.InPracticeAsync(async sp =>
        {
            var unlock = sp.GetRequiredService<SecureMessageUnlock>();
            return await unlock.AttemptAsync((await unlock.FindAsync(token))!, SecureMailScenario.Password, "198.51.100.7");
        });
        Assert.Equal(UnlockOutcome.Expired, outcome);
        var message = await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(SecureMessageStatus.Expired, message.Status(DateTime.UtcNow));
        Assert.NotNull(message.ExpiredAt);
    }

    [Theory, BothDatabases]
    public async Task A_revoked_link_answers_410_and_ends_an_unlocked_session(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var (id, token) = await scenario.PlacePaymentRequestAsync();
        var browser = scenario.App.ClientFor(scenario.Practice);
        await browser.SubmitFormAsync(SecureMailScenario.OpenPath(token), new() { ["Password"] = SecureMailScenario.Password }, "[data-testid=secure-mail-unlock]");
        Assert.NotNull((await browser.GetDocumentAsync(SecureMailScenario.OpenPath(token))).QuerySelector("[data-testid=secure-mail-body]"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFormAsync(SecureMailScenario.OpenPath(token), [], "[data-testid=secure-mail-payment] form")).StatusCode);

        Assert.True(await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMessageControls>().RevokeAsync(id)));
        Assert.Equal("expired", (await scenario.CheckoutSessionAsync(id)).Status);

        var page = await browser.GetAsync(SecureMailScenario.OpenPath(token));
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.DoesNotContain("The placed secret text", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_made_up_or_mangled_token_answers_400(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var (_, token) = await scenario.PlaceAsync();
        var browser = scenario.App.ClientFor(scenario.Practice);
        foreach (var bad in new[] { SecureMessageTokens.NewToken(), token[..^2], "", "not a token" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync(SecureMailScenario.OpenPath(bad))).StatusCode);
        }
    }

    [Fact]
    public void Tokens_carry_at_least_128_random_bits()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => SecureMessageTokens.NewToken()).ToList();
        foreach (var token in tokens)
        {
            var bytes = Base64Url.DecodeFromChars(token);
            Assert.True(bytes.Length * 8 >= 128, $"{token} holds {bytes.Length * 8} bits");
            Assert.True(SecureMessageTokens.IsWellFormed(token));
        }

        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.NotEqual(SecureMessageTokens.Hash(tokens[0]), SecureMessageTokens.Hash(tokens[1]));
    }

    [Theory, BothDatabases]
    public async Task Every_attempt_is_recorded_and_audited_with_its_ip(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var (id, token) = await scenario.PlaceAsync();
        var passwords = new[] { "first-wrong", "second-wrong", SecureMailScenario.Password, "third-wrong", "fourth-wrong", "fifth-wrong", "sixth-wrong", SecureMailScenario.Password };
        for (var i = 0; i < passwords.Length; i++)
        {
            var password = passwords[i];
            var ip = $"192.0.2.{i + 1}";
            await scenario.InPracticeAsync(async sp =>
            {
                var unlock = sp.GetRequiredService<SecureMessageUnlock>();
                return await unlock.AttemptAsync((await unlock.FindAsync(token))!, password, ip);
            });
        }

        var attempts = await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Attempts.AsNoTracking().Where(a => a.MessageId == id).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync());
        var audited = await scenario.InPracticeAsync(sp => sp.GetRequiredService<AuditDbContext>().Events.AsNoTracking()
            .Where(e => e.TargetId == id.ToString() && (e.Action == SecureMailAuditActions.UnlockSucceeded || e.Action == SecureMailAuditActions.UnlockFailed || e.Action == SecureMailAuditActions.UnlockRefused))
            .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        var locked = await scenario.InPracticeAsync(sp => sp.GetRequiredService<AuditDbContext>().Events.AsNoTracking().CountAsync(e => e.TargetId == id.ToString() && e.Action == SecureMailAuditActions.Locked));

        Assert.Equal(passwords.Length, attempts.Count);
        Assert.Equal(Enumerable.Range(1, passwords.Length).Select(i => $"192.0.2.{i}"), attempts.Select(a => a.Ip).Order(StringComparer.Ordinal));
        Assert.Equal(
            [
                SecureMailAuditActions.UnlockFailed, SecureMailAuditActions.UnlockFailed, SecureMailAuditActions.UnlockSucceeded,
                SecureMailAuditActions.UnlockFailed, SecureMailAuditActions.UnlockFailed, SecureMailAuditActions.UnlockFailed,
                SecureMailAuditActions.UnlockRefused, SecureMailAuditActions.UnlockRefused,
            ],
            audited);
        Assert.Equal(1, locked);
    }
}
