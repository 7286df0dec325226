using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Stripe;

namespace Portal.Tests.StripeEmulator;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private EmulatorHarness _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_request_without_a_key_is_401_in_Stripes_error_shape_with_a_request_id()
    {
        var response = await _emulator.Raw(authenticated: false).GetAsync("v1/accounts");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("req_", response.Headers.GetValues("Request-Id").Single(), StringComparison.Ordinal);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_request_error", error.RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Contains("API key", error.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_key_is_refused_through_Stripe_net()
    {
        var stripe = _emulator.Stripe(apiKey: "sk_test_not_a_key_of_this_platform");

        var error = await Assert.ThrowsAsync<StripeException>(() => new AccountService(stripe).ListAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.HttpStatusCode);
        Assert.Equal("api_key_invalid", error.StripeError.Code);
        Assert.DoesNotContain("not_a_key_of_this", error.StripeError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_key_is_refused_even_if_configured_nowhere()
    {
        var http = _emulator.Raw(authenticated: false);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk_live_something");

        var response = await http.GetAsync("v1/accounts");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Basic_auth_with_the_key_as_user_is_accepted()
    {
        var http = _emulator.Raw(authenticated: false);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(EmulatorHarness.SecretKey + ":")));

        var response = await http.GetAsync("v1/accounts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("list", list.RootElement.GetProperty("object").GetString());
    }

    [Fact]
    public async Task An_unknown_url_is_a_404_in_Stripes_shape()
    {
        var response = await _emulator.Raw().GetAsync("v1/no_such_things");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(response.Headers.Contains("Request-Id"));
        Assert.Contains("Unrecognized request URL", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
