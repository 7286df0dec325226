using System.Net;
using System.Text;
using Stripe;
using Stripe.Checkout;

namespace Portal.Tests.StripeEmulator;

public sealed class IdempotencyTests : IAsyncLifetime
{
    private EmulatorHarness _emulator = null!;
    private StripeClient _stripe = null!;
    private Account _practice = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHarness.StartAsync();
        _stripe = _emulator.Stripe();
        _practice = await StripeObjects.OnboardedLaterAccountAsync(_stripe);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Task<HttpResponseMessage> PostAccountAsync(string key, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "v1/accounts") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("Idempotency-Key", key);
        return _emulator.Raw().SendAsync(request);
    }

    [Fact]
    public async Task The_same_key_and_parameters_replay_the_first_answer_byte_for_byte()
    {
        var first = await PostAccountAsync("key-replay", "type=express&email=a%40example.com");
        var second = await PostAccountAsync("key-replay", "type=express&email=a%40example.com");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.GetValues("Request-Id").Single(), second.Headers.GetValues("Original-Request").Single());
        Assert.Equal(2, (await new AccountService(_stripe).ListAsync()).Data.Count);
    }

    [Fact]
    public async Task Stripe_net_with_the_same_idempotency_key_gets_the_same_session()
    {
        var sessions = new SessionService(_stripe);

        var first = await sessions.CreateAsync(StripeObjects.InvoiceSession(), StripeObjects.On(_practice.Id, "pay-INV-42-1"));
        var second = await sessions.CreateAsync(StripeObjects.InvoiceSession(), StripeObjects.On(_practice.Id, "pay-INV-42-1"));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("true", second.StripeResponse.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Single((await sessions.ListAsync(null, StripeObjects.On(_practice.Id))).Data);
    }

    [Fact]
    public async Task The_same_key_with_other_parameters_is_an_idempotency_error()
    {
        var sessions = new SessionService(_stripe);
        await sessions.CreateAsync(StripeObjects.InvoiceSession(10050), StripeObjects.On(_practice.Id, "pay-INV-42-2"));

        var error = await Assert.ThrowsAsync<StripeException>(() => sessions.CreateAsync(StripeObjects.InvoiceSession(20000), StripeObjects.On(_practice.Id, "pay-INV-42-2")));

        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatusCode);
        Assert.Equal("idempotency_error", error.StripeError.Type);
    }

    [Fact]
    public async Task A_duplicate_while_the_first_is_in_flight_is_a_409_and_later_replays()
    {
        await _emulator.Server.Control.DelayNextAsync(1, TimeSpan.FromSeconds(10));
        var first = PostAccountAsync("key-concurrent", "type=express");
        // The delay is taken after the key is claimed, so once no fault is pending the first holds the key.
        await Infrastructure.Eventually.TrueAsync(async () => await _emulator.Server.Control.PendingFaultsAsync() == 0, what: "the first request to take its delay");

        var duplicate = await PostAccountAsync("key-concurrent", "type=express");
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var observedInFlight = await duplicate.Content.ReadAsStringAsync();

        Assert.Contains("idempotency_key_in_use", observedInFlight, StringComparison.Ordinal);
        var original = await first;
        var replay = await PostAccountAsync("key-concurrent", "type=express");
        Assert.Equal(await original.Content.ReadAsByteArrayAsync(), await replay.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_validation_error_is_not_kept_so_a_corrected_retry_with_the_key_runs()
    {
        var invalid = await PostAccountAsync("key-invalid", "type=bogus");
        var corrected = await PostAccountAsync("key-invalid", "type=express");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.False(corrected.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Keys_are_kept_24_hours_on_the_emulators_clock()
    {
        var first = await PostAccountAsync("key-expiry", "type=express");
        _emulator.Clock.Advance(TimeSpan.FromHours(23));
        var withinDay = await PostAccountAsync("key-expiry", "type=express");
        _emulator.Clock.Advance(TimeSpan.FromHours(2));
        var afterDay = await PostAccountAsync("key-expiry", "type=express");

        Assert.True(withinDay.Headers.Contains("Idempotent-Replayed"));
        Assert.False(afterDay.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(await first.Content.ReadAsStringAsync(), await afterDay.Content.ReadAsStringAsync());
    }
}
