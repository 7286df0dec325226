using System.Net;
using System.Text;
using System.Text.Json;
using Stripe;
using Stripe.Checkout;

namespace Portal.Tests.StripeEmulator;

public sealed class WireRulesTests : IAsyncLifetime
{
    private const string ValidSession =
        "mode=payment&success_url=https%3A%2F%2Fportal.example%2Fok&line_items[0][quantity]=1"
        + "&line_items[0][price_data][currency]=cad&line_items[0][price_data][product_data][name]=Invoice"
        + "&line_items[0][price_data][unit_amount]=";

    private EmulatorHarness _emulator = null!;
    private StripeClient _stripe = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHarness.StartAsync();
        _stripe = _emulator.Stripe();
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Error)> PostAsync(string path, string body, string contentType = "application/x-www-form-urlencoded", Action<HttpRequestMessage>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        headers?.Invoke(request);
        var response = await _emulator.Raw().SendAsync(request);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, json.TryGetProperty("error", out var error) ? error : json);
    }

    [Fact]
    public async Task A_json_body_is_refused_with_invalid_request_error()
    {
        var (status, error) = await PostAsync("v1/accounts", """{"type":"express","country":"CA"}""", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Contains("form-encoded", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bracketed_parameters_become_a_tree_and_nested_values_are_read()
    {
        var (status, session) = await PostAsync("v1/checkout/sessions", ValidSession + "10050&metadata[invoice_id]=42&payment_intent_data[metadata][invoice_id]=42");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(10050, session.GetProperty("amount_total").GetInt64());
        Assert.Equal("42", session.GetProperty("metadata").GetProperty("invoice_id").GetString());
    }

    [Theory]
    [InlineData("v1/accounts", "type=express&favourite_colour=blue", "favourite_colour")]
    [InlineData("v1/checkout/sessions", ValidSession + "100&line_items[0][colour]=red", "line_items[0][colour]")]
    public async Task An_unknown_parameter_is_a_400_naming_it(string path, string body, string param)
    {
        var (status, error) = await PostAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("parameter_unknown", error.GetProperty("code").GetString());
        Assert.Equal(param, error.GetProperty("param").GetString());
    }

    [Fact]
    public async Task A_missing_required_parameter_is_a_400_naming_it_through_Stripe_net()
    {
        var options = StripeObjects.InvoiceSession();
        options.SuccessUrl = null;

        var error = await Assert.ThrowsAsync<StripeException>(() => new SessionService(_stripe).CreateAsync(options));

        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatusCode);
        Assert.Equal("parameter_missing", error.StripeError.Code);
        Assert.Equal("success_url", error.StripeError.Param);
    }

    [Theory]
    [InlineData("100.50")]
    [InlineData("1e3")]
    [InlineData("abc")]
    public async Task Amounts_must_be_integers_in_minor_units(string amount)
    {
        var (status, error) = await PostAsync("v1/checkout/sessions", ValidSession + amount);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("line_items[0][price_data][unit_amount]", error.GetProperty("param").GetString());
    }

    [Fact]
    public async Task A_total_below_Stripes_minimum_charge_is_refused()
    {
        var (status, error) = await PostAsync("v1/checkout/sessions", ValidSession + "49");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("amount_too_small", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Metadata_within_the_limits_is_kept()
    {
        var account = await new AccountService(_stripe).CreateAsync(new AccountCreateOptions
        {
            Type = "express",
            Metadata = Enumerable.Range(0, 50).ToDictionary(i => $"{i}".PadLeft(40, 'k'), _ => new string('v', 500)),
        });

        Assert.Equal(50, account.Metadata.Count);
    }

    [Theory]
    [InlineData(51, 10, 10)]
    [InlineData(1, 41, 10)]
    [InlineData(1, 10, 501)]
    public async Task Metadata_over_the_limits_is_refused(int keys, int keyLength, int valueLength)
    {
        var options = new AccountCreateOptions
        {
            Type = "express",
            Metadata = Enumerable.Range(0, keys).ToDictionary(i => $"{i}".PadLeft(keyLength, 'k'), _ => new string('v', valueLength)),
        };

        var error = await Assert.ThrowsAsync<StripeException>(() => new AccountService(_stripe).CreateAsync(options));

        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatusCode);
        Assert.StartsWith("metadata", error.StripeError.Param, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_keys_with_brackets_are_refused()
    {
        var (status, error) = await PostAsync("v1/accounts", "type=express&metadata[a][b]=1");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("metadata", error.GetProperty("param").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stripe_net_sends_endive_and_is_served()
    {
        var account = await new AccountService(_stripe).CreateAsync(new AccountCreateOptions { Type = "express" });

        Assert.Equal("2026-10-28.endive", StripeConfiguration.ApiVersion);
        Assert.StartsWith("acct_", account.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_Stripe_Version_is_served_at_the_default()
    {
        var (status, account) = await PostAsync("v1/accounts", "type=express");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("account", account.GetProperty("object").GetString());
    }

    [Fact]
    public async Task Another_Stripe_Version_is_refused()
    {
        var (status, error) = await PostAsync("v1/accounts", "type=express", headers: r => r.Headers.Add("Stripe-Version", "2025-06-30.basil"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("api_version_invalid", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Payment_method_types_on_a_checkout_session_is_refused_under_endive()
    {
        var (status, error) = await PostAsync("v1/checkout/sessions", ValidSession + "100&payment_method_types[0]=card",
            headers: r => r.Headers.Add("Stripe-Version", "2026-10-28.endive"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal("payment_method_types", error.GetProperty("param").GetString());
    }

    [Fact]
    public async Task Every_answer_carries_a_request_id_and_Stripe_net_sees_it()
    {
        var account = await new AccountService(_stripe).CreateAsync(new AccountCreateOptions { Type = "express" });
        var error = await Assert.ThrowsAsync<StripeException>(() => new AccountService(_stripe).GetAsync("acct_missing"));

        Assert.StartsWith("req_", account.StripeResponse.RequestId, StringComparison.Ordinal);
        Assert.StartsWith("req_", error.StripeResponse.RequestId, StringComparison.Ordinal);
        Assert.NotEqual(account.StripeResponse.RequestId, error.StripeResponse.RequestId);
        Assert.Equal(HttpStatusCode.NotFound, error.HttpStatusCode);
        Assert.Equal("resource_missing", error.StripeError.Code);
    }
}
