using System.Net;
using Portal.StripeEmulator.Hosting;
using Portal.Tests.Infrastructure;
using Stripe;
using Stripe.Checkout;

namespace Portal.Tests.StripeEmulator;

public sealed class FaultInjectionTests : IAsyncLifetime
{
    private EmulatorHarness _emulator = null!;
    private Account _practice = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHarness.StartAsync();
        _practice = await StripeObjects.OnboardedLaterAccountAsync(_emulator.Stripe());
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData(500, "api_error")]
    [InlineData(429, "invalid_request_error")]
    public async Task An_injected_status_reaches_the_client_as_a_StripeException(int status, string type)
    {
        await _emulator.Server.Control.FailNextAsync(1, status);

        var error = await Assert.ThrowsAsync<StripeException>(() => new SessionService(_emulator.Stripe()).CreateAsync(StripeObjects.InvoiceSession(), StripeObjects.On(_practice.Id)));

        Assert.Equal((HttpStatusCode)status, error.HttpStatusCode);
        Assert.Equal(type, error.StripeError.Type);
        var after = await new SessionService(_emulator.Stripe()).CreateAsync(StripeObjects.InvoiceSession(), StripeObjects.On(_practice.Id));
        Assert.Equal("open", after.Status);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_after_a_500_creates_one_session()
    {
        var sessions = new SessionService(_emulator.Stripe());
        await _emulator.Server.Control.FailNextAsync(1, 500);

        await Assert.ThrowsAsync<StripeException>(() => sessions.CreateAsync(StripeObjects.InvoiceSession(), StripeObjects.On(_practice.Id, "pay-INV-42-retry")));
        var retried = await sessions.CreateAsync(StripeObjects.InvoiceSession(), StripeObjects.On(_practice.Id, "pay-INV-42-retry"));
        var replayed = await sessions.CreateAsync(StripeObjects.InvoiceSession(), StripeObjects.On(_practice.Id, "pay-INV-42-retry"));

        Assert.Equal(retried.Id, replayed.Id);
        Assert.Single((await sessions.ListAsync(null, StripeObjects.On(_practice.Id))).Data);
    }

    [Fact]
    public async Task Stripe_net_retrying_by_itself_gets_through_a_500()
    {
        await _emulator.Server.Control.FailNextAsync(1, 500);

        var session = await new SessionService(_emulator.Stripe(maxNetworkRetries: 2)).CreateAsync(StripeObjects.InvoiceSession(), StripeObjects.On(_practice.Id));

        Assert.Equal("open", session.Status);
        Assert.Single((await new SessionService(_emulator.Stripe()).ListAsync(null, StripeObjects.On(_practice.Id))).Data);
    }

    [Fact]
    public async Task A_delay_past_the_clients_timeout_still_creates_the_session_once()
    {
        var impatient = new SessionService(_emulator.Stripe(timeout: TimeSpan.FromMilliseconds(300)));
        await _emulator.Server.Control.DelayNextAsync(1, TimeSpan.FromSeconds(2));

        await Assert.ThrowsAnyAsync<Exception>(() => impatient.CreateAsync(StripeObjects.InvoiceSession(), StripeObjects.On(_practice.Id, "pay-INV-42-slow")));

        var sessions = new SessionService(_emulator.Stripe());
        var session = await Eventually.GetAsync(async () =>
        {
            try
            {
                return await sessions.CreateAsync(StripeObjects.InvoiceSession(), StripeObjects.On(_practice.Id, "pay-INV-42-slow"));
            }
            catch (StripeException conflict) when (conflict.HttpStatusCode == HttpStatusCode.Conflict)
            {
                return null;
            }
        }, what: "the slow request to finish");
        Assert.Equal("true", session.StripeResponse.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Single((await sessions.ListAsync(null, StripeObjects.On(_practice.Id))).Data);
    }

    [Fact]
    public async Task The_emulator_refuses_to_start_in_Production()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StripeEmulatorServer.StartAsync(new StripeEmulatorOptions
        {
            SecretKeys = [EmulatorHarness.SecretKey],
            EnvironmentName = "Production",
        }));

        Assert.Contains("Production", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_a_hosted_service_it_starts_and_stops_with_its_host()
    {
        var host = new StripeEmulatorHost(new StripeEmulatorOptions { SecretKeys = [EmulatorHarness.SecretKey] });
        await host.StartAsync(CancellationToken.None);
        var stripe = new StripeClient(new StripeClientOptions { ApiKey = EmulatorHarness.SecretKey, ApiBase = host.Server.ApiBase });

        var account = await new AccountService(stripe).CreateAsync(new AccountCreateOptions { Type = "express" });
        await host.StopAsync(CancellationToken.None);

        Assert.StartsWith("acct_", account.Id, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => host.Server);
    }

    [Fact]
    public async Task The_emulator_refuses_live_keys()
        => await Assert.ThrowsAsync<ArgumentException>(() => StripeEmulatorServer.StartAsync(new StripeEmulatorOptions { SecretKeys = ["sk_live_real"] }));
}
