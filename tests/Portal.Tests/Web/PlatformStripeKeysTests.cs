using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Payments;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;
using Portal.Web.HostAdmin;

namespace Portal.Tests.Web;

/// <summary>The platform's Stripe keys in the host admin: over configuration, in force at once, encrypted at rest, never shown back or logged.</summary>
public sealed class PlatformStripeKeysTests
{
    private const string Page = "admin/stripe-keys";
    private const string ConfiguredSecret = "sk_test_configured_0000000000001234";

    [Theory, BothDatabases]
    public async Task Keys_set_here_win_over_configuration_at_once_and_are_never_readable_in_the_store_the_page_or_the_logs(DatabaseProvider provider)
    {
        var logs = new LogCapture();
        await using var app = await PortalApplication.StartAsync(provider, o => o
            .Set("Portal:Payments:Stripe:SecretKey", ConfiguredSecret)
            .WithServices(logs.Register));
        var gateway = app.Get<StripeGateway>();
        var operatorBrowser = await app.OperatorClientAsync();
        var secret = "sk_test_" + Guid.NewGuid().ToString("N");
        var publishable = "pk_test_" + Guid.NewGuid().ToString("N");
        var webhook = "whsec_" + Guid.NewGuid().ToString("N");

        var before = await operatorBrowser.GetDocumentAsync(Page);
        Assert.Equal(ConfiguredSecret, gateway.CurrentOptions.SecretKey);
        Assert.Contains("Not set", State(before, PlatformStripeKey.SecretKey), StringComparison.Ordinal);
        Assert.Contains("Configuration's value is used", State(before, PlatformStripeKey.SecretKey), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ReplaceAsync(operatorBrowser, PlatformStripeKey.SecretKey, secret)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReplaceAsync(operatorBrowser, PlatformStripeKey.PublishableKey, publishable)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReplaceAsync(operatorBrowser, PlatformStripeKey.WebhookSecret, webhook)).StatusCode);

        // In force without a restart, for the gateway and for anything reading the options monitor.
        Assert.Equal((secret, publishable, webhook), (gateway.CurrentOptions.SecretKey, gateway.CurrentOptions.PublishableKey, gateway.CurrentOptions.WebhookSecret));
        Assert.True(gateway.IsConfigured && gateway.TestMode);
        var html = await operatorBrowser.GetStringAsync(Page);
        var page = HtmlForms.Parse(html);
        foreach (var (key, value) in new[] { (PlatformStripeKey.SecretKey, secret), (PlatformStripeKey.PublishableKey, publishable), (PlatformStripeKey.WebhookSecret, webhook) })
        {
            Assert.DoesNotContain(value, html, StringComparison.Ordinal);
            Assert.DoesNotContain(value[..^4], html, StringComparison.Ordinal);
            Assert.Contains("Set", State(page, key), StringComparison.Ordinal);
            Assert.Contains(value[^4..], State(page, key), StringComparison.Ordinal);
        }

        var (rows, changes) = await StoredAsync(app);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.NotEmpty(row.Ciphertext));
        foreach (var value in new[] { secret, publishable, webhook })
        {
            Assert.DoesNotContain(rows, row => Contains(row.Ciphertext, value) || Contains(row.Ciphertext, value[^12..]));
        }

        Assert.Equal(3, changes.Count(c => c.Action == PlatformSecretChange.Set && c.OperatorId != null));

        // Cleared: configuration's key is in force again, the row and the value are gone.
        Assert.Equal(HttpStatusCode.Redirect, (await operatorBrowser.SubmitFormAsync(Page, [], $"[data-testid=stripe-key-{PlatformStripeKey.SecretKey}] form.inline-form")).StatusCode);
        Assert.Equal(ConfiguredSecret, gateway.CurrentOptions.SecretKey);
        Assert.Contains("Not set", State(await operatorBrowser.GetDocumentAsync(Page), PlatformStripeKey.SecretKey), StringComparison.Ordinal);
        (rows, changes) = await StoredAsync(app);
        Assert.Equal(2, rows.Count);
        Assert.Single(changes, c => c.Action == PlatformSecretChange.Cleared && c.Name == "stripe:secret-key");

        Assert.NotEmpty(logs.Entries);
        Assert.Contains(logs.Entries, e => e.Contains("stripe:secret-key", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Contains(secret, StringComparison.Ordinal) || e.Contains(publishable, StringComparison.Ordinal) || e.Contains(webhook, StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task Malformed_keys_and_a_test_live_mismatch_are_refused_at_the_field_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider, o => o.Set("Portal:Payments:Stripe:SecretKey", ConfiguredSecret));
        var operatorBrowser = await app.OperatorClientAsync();
        var cases = new (PlatformStripeKey Key, string Value, string Message)[]
        {
            (PlatformStripeKey.SecretKey, "", "Paste the new key."),
            (PlatformStripeKey.SecretKey, "abc", "sk_test_"),
            (PlatformStripeKey.SecretKey, "pk_test_" + Guid.NewGuid().ToString("N"), "sk_test_"),
            (PlatformStripeKey.SecretKey, "sk_test_ with space", "one word"),
            (PlatformStripeKey.PublishableKey, "sk_test_" + Guid.NewGuid().ToString("N"), "pk_test_"),
            (PlatformStripeKey.PublishableKey, "pk_live_" + Guid.NewGuid().ToString("N"), "same mode"),
            (PlatformStripeKey.WebhookSecret, "whsec_", "whsec_"),
            (PlatformStripeKey.WebhookSecret, "sk_test_" + Guid.NewGuid().ToString("N"), "whsec_"),
        };

        foreach (var (key, value, message) in cases)
        {
            var response = await ReplaceAsync(operatorBrowser, key, value);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var error = HtmlForms.Parse(body).QuerySelector($"[data-testid=stripe-key-{key}] .field-error")?.TextContent ?? "";
            Assert.Contains(message, error, StringComparison.Ordinal);
            if (value.Length > 8)
            {
                Assert.DoesNotContain(value, body, StringComparison.Ordinal);
            }
        }

        var (rows, changes) = await StoredAsync(app);
        Assert.Empty(rows);
        Assert.Empty(changes);
        Assert.Equal(ConfiguredSecret, app.Get<StripeGateway>().CurrentOptions.SecretKey);
    }

    private static string State(IHtmlDocument page, PlatformStripeKey key)
        => page.QuerySelector($"[data-testid=stripe-key-{key}] [data-testid=stripe-key-state]")?.TextContent ?? "";

    private static Task<HttpResponseMessage> ReplaceAsync(HttpClient browser, PlatformStripeKey key, string value)
        => browser.SubmitFormAsync(Page, new() { ["Input.Value"] = value }, $"[data-testid=stripe-key-{key}] form.form");

    private static async Task<(List<PlatformSecretRecord> Rows, List<PlatformSecretChange> Changes)> StoredAsync(PortalApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperatorDbContext>();
        return (await db.PlatformSecrets.AsNoTracking().ToListAsync(), await db.PlatformSecretChanges.AsNoTracking().ToListAsync());
    }

    private static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;
}
