using System.Net;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>The resolution table over real HTTP: every way of reaching (or not reaching) a practice.</summary>
public sealed class TenantResolutionHttpTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_practice_answers_at_its_host_its_prefix_and_both(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync(displayName: "Harbor Tax Services");

        foreach (var url in new[] { $"http://{practice.Name}.localhost/", $"http://localhost/t/{practice.Name}/", $"http://{practice.Name}.localhost/t/{practice.Name}/" })
        {
            var response = await app.HostClient().GetAsync(new Uri(url));
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Harbor Tax Services", html, StringComparison.Ordinal);
        }

        var prefixed = await app.ClientFor(practice, viaPrefix: true).GetStringAsync("");
        Assert.Contains($"href=\"/t/{practice.Name}/account/signin\"", prefixed, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_custom_domain_serves_its_practice(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync(displayName: "Custom Domain Co");
        var domain = $"portal.{practice.Name}.example";
        var added = await app.Get<TenantStore>().AddHostNameAsync(practice.Name, domain.ToUpperInvariant(), default);
        Assert.True(added.Succeeded);

        var response = await app.HostClient().GetAsync(new Uri($"http://{domain}/"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Custom Domain Co", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var taken = await app.Get<TenantStore>().AddHostNameAsync(practice.Name, domain, default);
        Assert.False(taken.Succeeded);
        Assert.Contains("already serves", taken.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://nobody-here.localhost/")]
    [InlineData("http://localhost/t/nobody-here/admin")]
    public async Task An_unknown_practice_gets_a_404_page(string url)
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var response = await app.HostClient().GetAsync(new Uri(url));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no portal at this address", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_disabled_practice_shows_it_is_unavailable_and_comes_back_when_enabled(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync(displayName: "Paused Practice");
        await app.Get<TenantStore>().SetStateAsync(practice.Name, TenantState.Disabled, default);

        var response = await app.ClientFor(practice).GetAsync("account/signin");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("This portal is unavailable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Retry-After"));

        await app.Get<TenantStore>().SetStateAsync(practice.Name, TenantState.Running, default);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(practice).GetAsync("account/signin")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_practice_being_set_up_answers_503_with_retry_after(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var name = Practices.UniqueName("init");
        Assert.True(await app.Get<TenantStore>().TryCreateAsync(
            new TenantRecord { Id = Guid.CreateVersion7(), Name = name, DisplayName = "Soon", AdminEmail = "a@b.example", State = TenantState.Initializing },
            default));
        try
        {
            var response = await app.HostClient().GetAsync(new Uri($"http://localhost/t/{name}/"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("10", response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains("being set up", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await app.Get<TenantStore>().DeleteAsync(name, default);
        }
    }

    [Fact]
    public async Task A_tenant_header_from_the_client_is_ignored()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync(displayName: "Header Target");
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://localhost/"));
        request.Headers.Add("X-Tenant-ID", practice.Name);
        request.Headers.Add("X-Tenant", practice.Name);
        var response = await app.HostClient().SendAsync(request);
        Assert.DoesNotContain("Header Target", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
