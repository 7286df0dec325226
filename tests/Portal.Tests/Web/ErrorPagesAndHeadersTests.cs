using System.Net;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

public sealed class ErrorPagesAndHeadersTests(SharedAppsWithTestModule apps) : IClassFixture<SharedAppsWithTestModule>
{
    [Fact]
    public async Task A_crash_shows_a_friendly_page_without_internals()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        await app.InPracticeAsync(practice, sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TenantFeatures>(sp).EnableAsync([TestModule.Base], default));

        var response = await app.ClientFor(practice).GetAsync("test/boom");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong on our side", html, StringComparison.Ordinal);
        Assert.Contains("reference", html, StringComparison.Ordinal);
        Assert.DoesNotContain("4242", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Portal.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_crash_answers_problem_details_without_internals()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        await app.InPracticeAsync(practice, sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TenantFeatures>(sp).EnableAsync([TestModule.Base], default));

        var response = await app.ClientFor(practice).GetAsync("api/test/boom");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":500", body, StringComparison.Ordinal);
        Assert.DoesNotContain("4242", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "no-such-page")]
    [InlineData(true, "no-such-page")]
    [InlineData(true, "admin/no-such-page")]
    public async Task Unknown_pages_answer_404_with_a_page(bool inPractice, string path)
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var client = inPractice ? app.ClientFor(await app.CreatePracticeAsync()) : app.HostClient();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OPTIONS")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Errors_keep_their_status_whatever_the_method(string method)
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();

        var missing = await app.ClientFor(practice).SendAsync(new HttpRequestMessage(new HttpMethod(method), "no-such-page"));
        var unsignedUpload = await app.ClientFor(practice).SendAsync(new HttpRequestMessage(new HttpMethod(method), $"uploads/{Guid.NewGuid()}"));

        Assert.True(missing.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{method} of a missing page answered {missing.StatusCode}");
        Assert.True((int)unsignedUpload.StatusCode >= 400, $"{method} of an upload without a session answered {unsignedUpload.StatusCode}");
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        foreach (var response in new[] { await app.ClientFor(practice).GetAsync("account/signin"), await app.HostClient().GetAsync("admin/signin") })
        {
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task Cookies_are_http_only_and_same_site_and_secure_over_https()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        var user = await app.AddClientAsync(practice);
        var https = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"https://{practice.Name}.localhost/") });

        var response = await https.SubmitFormAsync("account/signin", new() { ["Email"] = user.Email!, ["Password"] = Practices.ClientPassword });

        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("portal.session=", StringComparison.Ordinal));
        Assert.StartsWith("__Host-portal.session=", session, StringComparison.Ordinal);
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("strict-transport-security", response.Headers.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        await app.CreatePracticeAsync();
        Assert.Equal("Healthy", await app.HostClient().GetStringAsync("health/live"));
        Assert.Equal("Healthy", await app.HostClient().GetStringAsync("health/ready"));
    }

    [Fact]
    public async Task The_icon_browsers_ask_for_is_there_on_every_site()
    {
        var app = await apps.For(DatabaseProvider.Sqlite);
        var practice = await app.CreatePracticeAsync();
        foreach (var (site, prefix) in new[] { (app.HostClient(), ""), (app.ClientFor(practice), ""), (app.ClientFor(practice, viaPrefix: true), $"/t/{practice.Name}") })
        {
            var ico = await site.GetAsync("favicon.ico");
            Assert.Equal(HttpStatusCode.Redirect, ico.StatusCode); // temporary: a logo uploaded later takes its place
            Assert.Equal($"{prefix}/favicon.svg", ico.Headers.Location!.OriginalString);
            var svg = await site.GetAsync("favicon.svg");
            Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
            Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        }

        var page = await app.ClientFor(practice).GetDocumentAsync("account/signin");
        Assert.Equal("/favicon.svg", page.QuerySelector("link[rel=icon]")!.GetAttribute("href"));
    }
}
