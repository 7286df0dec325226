using System.Net;
using Portal.Tests.Infrastructure;
using Stripe;

namespace Portal.Tests.StripeEmulator;

public sealed class OnboardingTests : IAsyncLifetime
{
    private EmulatorHarness _emulator = null!;
    private StripeClient _stripe = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHarness.StartAsync();
        _stripe = _emulator.Stripe();
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Task<AccountLink> LinkAsync(string account) => new AccountLinkService(_stripe).CreateAsync(new AccountLinkCreateOptions
    {
        Account = account,
        Type = "account_onboarding",
        RefreshUrl = "https://portal.example/payments/setup/refresh",
        ReturnUrl = "https://portal.example/payments/setup/return",
    });

    [Fact]
    public async Task A_new_account_cannot_take_payments_and_lists_what_is_due()
    {
        var account = await StripeObjects.OnboardedLaterAccountAsync(_stripe);

        var read = await new AccountService(_stripe).GetAsync(account.Id);

        Assert.False(read.ChargesEnabled);
        Assert.False(read.PayoutsEnabled);
        Assert.False(read.DetailsSubmitted);
        Assert.Contains("external_account", read.Requirements.CurrentlyDue);
        Assert.Equal("inactive", read.Capabilities.CardPayments);
        Assert.Equal("CA", read.Country);
    }

    [Fact]
    public async Task Completing_the_hosted_form_enables_the_account_redirects_to_return_url_and_sends_account_updated()
    {
        var account = await StripeObjects.OnboardedLaterAccountAsync(_stripe);
        var link = await LinkAsync(account.Id);
        var browser = _emulator.Raw(authenticated: false);

        var page = await browser.GetStringAsync(link.Url);
        var submitted = await browser.PostAsync(link.Url, new FormUrlEncodedContent(new Dictionary<string, string> { ["business_name"] = "Maple CPA LLP" }));

        Assert.Contains("Test mode", page, StringComparison.Ordinal);
        Assert.Contains(">Submit</button>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal("https://portal.example/payments/setup/return", submitted.Headers.Location!.ToString());
        var read = await new AccountService(_stripe).GetAsync(account.Id);
        Assert.True(read.ChargesEnabled);
        Assert.True(read.PayoutsEnabled);
        Assert.True(read.DetailsSubmitted);
        Assert.Empty(read.Requirements.CurrentlyDue);
        Assert.Equal("active", read.Capabilities.CardPayments);
        Assert.Equal("Maple CPA LLP", read.BusinessProfile.Name);
        var hook = await Eventually.GetAsync(() => Task.FromResult(_emulator.ConnectHooks.Received.FirstOrDefault()), what: "account.updated at the Connect endpoint");
        var received = EventUtility.ConstructEvent(hook.Body, hook.Signature, EmulatorHarness.ConnectSecret);
        Assert.Equal("account.updated", received.Type);
        Assert.Equal(account.Id, received.Account);
        Assert.True(((Account)received.Data.Object).ChargesEnabled);
        Assert.Empty(_emulator.PlatformHooks.Received);
    }

    [Fact]
    public async Task A_used_link_sends_the_browser_to_refresh_url()
    {
        var account = await StripeObjects.OnboardedLaterAccountAsync(_stripe);
        var link = await LinkAsync(account.Id);
        var browser = _emulator.Raw(authenticated: false);
        await browser.GetAsync(link.Url);

        var again = await browser.GetAsync(link.Url);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("https://portal.example/payments/setup/refresh", again.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_link_expires_after_about_300_seconds()
    {
        var account = await StripeObjects.OnboardedLaterAccountAsync(_stripe);
        var link = await LinkAsync(account.Id);
        Assert.InRange(link.ExpiresAt - link.Created, TimeSpan.FromSeconds(290), TimeSpan.FromSeconds(310));

        await _emulator.Server.Control.AdvanceClockAsync(TimeSpan.FromSeconds(301));
        var expired = await _emulator.Raw(authenticated: false).GetAsync(link.Url);

        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.Equal("https://portal.example/payments/setup/refresh", expired.Headers.Location!.ToString());
        Assert.False((await new AccountService(_stripe).GetAsync(account.Id)).DetailsSubmitted);
    }

    [Fact]
    public async Task A_link_for_an_unknown_account_or_without_return_url_is_refused()
    {
        var unknown = await Assert.ThrowsAsync<StripeException>(() => LinkAsync("acct_unknown"));
        var noReturn = await Assert.ThrowsAsync<StripeException>(() => new AccountLinkService(_stripe).CreateAsync(new AccountLinkCreateOptions
        {
            Account = "acct_unknown",
            Type = "account_onboarding",
            RefreshUrl = "https://portal.example/refresh",
        }));

        Assert.Equal(HttpStatusCode.NotFound, unknown.HttpStatusCode);
        Assert.Equal("return_url", noReturn.StripeError.Param);
    }

    [Fact]
    public async Task The_control_api_sets_new_requirements_and_announces_them()
    {
        var account = await StripeObjects.OnboardedLaterAccountAsync(_stripe);

        await _emulator.Server.Control.SetRequirementsAsync(account.Id, ["individual.verification.document"], chargesEnabled: false);

        var read = await new AccountService(_stripe).GetAsync(account.Id);
        Assert.Equal(["individual.verification.document"], read.Requirements.CurrentlyDue);
        var events = await new EventService(_stripe).ListAsync(new EventListOptions { Type = "account.updated" }, StripeObjects.On(account.Id));
        Assert.Single(events.Data);
    }
}
