using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Data;
using Portal.Billing.Payments;
using Portal.Billing.Services;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;
using Portal.Tests.StripeEmulator;
using Stripe;

namespace Portal.Tests.Billing;

/// <summary>"Set up payments" against the Stripe emulator: Connect account, Account Links, the account's standing.</summary>
public sealed class ConnectOnboardingTests(StripeConnectApps apps) : IClassFixture<StripeConnectApps>
{
    private const string SetupPage = "admin/billing/setup-payments";

    [Theory, BothDatabases]
    public async Task Onboarding_goes_from_not_started_through_the_hosted_form_to_ready(DatabaseProvider provider)
    {
        var (scenario, admin) = await StartAsync(provider);

        var before = await admin.GetStringAsync(SetupPage);
        var link = await ClickSetUpAsync(admin);
        var returned = await CompleteHostedFormAsync(link);
        var after = await admin.GetStringAsync(returned);

        Assert.Contains("Payments are not set up yet", before, StringComparison.Ordinal);
        Assert.Contains("Test mode", before, StringComparison.Ordinal);
        Assert.StartsWith(apps.Emulator.Server.ApiBase, link.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("/" + SetupPage, returned.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Ready to accept payments", after, StringComparison.Ordinal);
        var stored = Assert.Single(await scenario.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().PayoutAccounts.ToListAsync()));
        Assert.True(stored.Ready && stored.DetailsSubmitted);
        Assert.Empty(stored.Due);
        var account = await new AccountService(apps.Emulator.Stripe()).GetAsync(stored.StripeAccountId);
        Assert.Equal(("express", "CA"), (account.Type, account.Country));
        Assert.Equal(scenario.Practice.Id.ToString(), account.Metadata[PayoutAccounts.PracticeMetadataKey]);
        var audited = await scenario.InPracticeAsync(sp => sp.GetRequiredService<Portal.Audit.Data.AuditDbContext>().Events
            .Where(e => e.Action == BillingAuditActions.PaymentsSetupStarted && e.TargetId == stored.StripeAccountId).CountAsync());
        Assert.Equal(1, audited);
    }

    [Theory, BothDatabases]
    public async Task Repeated_and_parallel_clicks_create_one_account(DatabaseProvider provider)
    {
        var (scenario, admin) = await StartAsync(provider);
        var token = await admin.AntiforgeryTokenAsync(SetupPage);

        var first = await PostSetUpAsync(admin, token);
        var racing = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostSetUpAsync(admin, token)));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.All(racing, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(await scenario.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().PayoutAccounts.ToListAsync()));
        var accounts = await new AccountService(apps.Emulator.Stripe()).ListAsync(new AccountListOptions { Limit = 100 });
        Assert.Single(accounts.Data, a => a.Metadata.GetValueOrDefault(PayoutAccounts.PracticeMetadataKey) == scenario.Practice.Id.ToString());
    }

    [Theory, BothDatabases]
    public async Task The_account_is_created_with_the_practice_s_idempotency_key_so_stripe_answers_the_same_account_again(DatabaseProvider provider)
    {
        var (scenario, admin) = await StartAsync(provider);
        await ClickSetUpAsync(admin);
        var first = (await scenario.InPracticeAsync(sp => sp.GetRequiredService<PayoutAccounts>().FindAsync()))!.StripeAccountId;

        // As if the portal had died between Stripe's answer and its own commit: the row is gone, Stripe's account is not.
        await scenario.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().PayoutAccounts.ExecuteDeleteAsync());
        await ClickSetUpAsync(admin);

        var second = (await scenario.InPracticeAsync(sp => sp.GetRequiredService<PayoutAccounts>().FindAsync()))!.StripeAccountId;
        Assert.Equal(first, second);
    }

    [Theory, BothDatabases]
    public async Task What_Stripe_still_needs_is_shown_in_plain_words(DatabaseProvider provider)
    {
        var (scenario, admin) = await StartAsync(provider);
        await CompleteHostedFormAsync(await ClickSetUpAsync(admin));
        var accountId = (await scenario.InPracticeAsync(sp => sp.GetRequiredService<PayoutAccounts>().FindAsync()))!.StripeAccountId;

        await apps.Emulator.Server.Control.SetRequirementsAsync(accountId, ["individual.verification.document", "external_account"], chargesEnabled: false);
        var page = await admin.GetDocumentAsync(SetupPage);

        Assert.Equal(["An identity document", "A bank account for payouts"], page.QuerySelectorAll("[data-testid=payments-requirements] li").Select(li => li.TextContent.Trim()));
        Assert.DoesNotContain("Ready to accept payments", page.Body!.TextContent, StringComparison.Ordinal);
        var stored = await scenario.InPracticeAsync(sp => sp.GetRequiredService<PayoutAccounts>().FindAsync());
        Assert.False(stored!.ChargesEnabled);
        Assert.Equal(["individual.verification.document", "external_account"], stored.Due);
    }

    [Theory, BothDatabases]
    public async Task An_expired_or_used_link_comes_back_to_refresh_url_which_mints_a_new_one(DatabaseProvider provider)
    {
        var (_, admin) = await StartAsync(provider);
        var link = await ClickSetUpAsync(admin);
        var browser = apps.Emulator.Raw(authenticated: false);
        await browser.GetAsync(link);

        var used = await browser.GetAsync(link);
        var refresh = await admin.GetAsync(used.Headers.Location);
        var fresh = await browser.GetAsync(refresh.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.EndsWith("/" + SetupPage + "/refresh", used.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, refresh.StatusCode);
        Assert.NotEqual(link, refresh.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Contains(">Submit</button>", await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Stripe_failing_gives_a_clear_message_and_writes_nothing(DatabaseProvider provider)
    {
        var (scenario, admin) = await StartAsync(provider);
        var token = await admin.AntiforgeryTokenAsync(SetupPage);

        await apps.Emulator.Server.Control.FailNextAsync(10, 500);
        HttpResponseMessage failed;
        try
        {
            failed = await PostSetUpAsync(admin, token);
        }
        finally
        {
            await apps.Emulator.Server.Control.ClearFaultsAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        var page = HtmlForms.Parse(await failed.Content.ReadAsStringAsync());
        Assert.Equal(ConnectErrors.StripeDidNotAnswer.Message, page.QuerySelector("[data-testid=payments-problem]")!.TextContent.Trim());
        Assert.Empty(await scenario.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().PayoutAccounts.ToListAsync()));
        Assert.Equal(0, await scenario.InPracticeAsync(sp => sp.GetRequiredService<Portal.Audit.Data.AuditDbContext>().Events
            .Where(e => e.Action == BillingAuditActions.PaymentsSetupStarted).CountAsync()));

        // Once Stripe answers again, the same click works.
        Assert.Equal(HttpStatusCode.Redirect, (await PostSetUpAsync(admin, token)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task An_account_updated_event_is_applied_to_the_stored_account_and_a_foreign_one_changes_nothing(DatabaseProvider provider)
    {
        var (scenario, admin) = await StartAsync(provider);
        await CompleteHostedFormAsync(await ClickSetUpAsync(admin));
        var accountId = (await scenario.InPracticeAsync(sp => sp.GetRequiredService<PayoutAccounts>().FindAsync()))!.StripeAccountId;

        await apps.Emulator.Server.Control.SetRequirementsAsync(accountId, ["company.tax_id"], chargesEnabled: false, payoutsEnabled: false);
        var hook = await Eventually.GetAsync(
            () => Task.FromResult(apps.Emulator.ConnectHooks.Received.LastOrDefault(h => h.Body.Contains(accountId, StringComparison.Ordinal) && h.Body.Contains("company.tax_id", StringComparison.Ordinal))),
            what: "account.updated with the new requirement");
        var received = EventUtility.ConstructEvent(hook.Body, hook.Signature, EmulatorHarness.ConnectSecret);
        var applied = await scenario.InPracticeAsync(sp => sp.GetRequiredService<PayoutAccounts>().ApplyAsync((Account)received.Data.Object));
        var foreign = await scenario.InPracticeAsync(sp => sp.GetRequiredService<PayoutAccounts>().ApplyAsync(new Account { Id = "acct_someone_else", ChargesEnabled = true, PayoutsEnabled = true }));

        Assert.Equal("account.updated", received.Type);
        Assert.NotNull(applied);
        Assert.Null(foreign);
        var stored = Assert.Single(await scenario.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().PayoutAccounts.ToListAsync()));
        Assert.Equal((accountId, false, false, "company.tax_id"), (stored.StripeAccountId, stored.ChargesEnabled, stored.PayoutsEnabled, stored.CurrentlyDue));
    }

    [Theory, BothDatabases]
    public async Task Payment_pages_say_test_mode_plainly_with_a_test_key(DatabaseProvider provider)
    {
        var (scenario, admin) = await StartAsync(provider);
        var invoice = await scenario.InvoiceAsync("INV-TEST-1");
        var client = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser);

        var pages = new[]
        {
            await admin.GetDocumentAsync("admin/billing/payments"),
            await client.GetDocumentAsync("billing"),
            await client.GetDocumentAsync($"billing/invoices/{invoice.Id}"),
        };

        Assert.All(pages, page => Assert.Contains("Test mode", page.QuerySelector("[data-testid=test-mode]")?.TextContent, StringComparison.Ordinal));
    }

    private async Task<(BillingScenario Scenario, HttpClient Admin)> StartAsync(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        return (scenario, await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin));
    }

    private static async Task<Uri> ClickSetUpAsync(HttpClient admin)
    {
        var response = await admin.SubmitFormAsync(SetupPage, [], "[data-testid=payments-setup] form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    private static Task<HttpResponseMessage> PostSetUpAsync(HttpClient admin, string token)
        => admin.PostAsync(SetupPage, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

    /// <summary>The person fills Stripe's (the emulator's) hosted onboarding form; answers where Stripe sends the browser back.</summary>
    private async Task<Uri> CompleteHostedFormAsync(Uri link)
    {
        var browser = apps.Emulator.Raw(authenticated: false);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link)).StatusCode);
        var submitted = await browser.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["business_name"] = "Maple & Finch CPA" }));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        return submitted.Headers.Location!;
    }
}
