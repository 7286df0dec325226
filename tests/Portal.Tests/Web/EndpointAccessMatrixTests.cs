using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Security;
using Portal.Identity.Models;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Web;

/// <summary>
/// Generated from the application's own endpoint table, so a new endpoint is covered the day it is
/// added: every endpoint is called as anonymous, as a user of another practice, as a client, as
/// staff without the permission, and on the wrong kind of site; none of them may get through.
/// </summary>
public sealed partial class EndpointAccessMatrixTests(SharedApps apps, ITestOutputHelper output) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task No_endpoint_lets_in_anyone_it_should_not(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await EverythingOnAsync(app, await app.CreatePracticeAsync());
        var other = await EverythingOnAsync(app, await app.CreatePracticeAsync());
        var staff = await app.AddStaffAsync(practice);
        var client = await app.AddClientAsync(practice);
        var otherAdmin = await app.AddAdministratorAsync(other);
        var admin = await app.AddAdministratorAsync(practice);

        var anonymous = app.ClientFor(practice);
        var asClient = await app.SignedInClientAsync(practice, client);
        var asStaff = await app.SignedInClientAsync(practice, staff);
        var asAdmin = await app.SignedInClientAsync(practice, admin);
        var foreignCookie = await ForeignCookieAsync(app, other, otherAdmin);
        var atLevel = new Dictionary<PaymentLevel, HttpClient>();
        foreach (var level in new[] { PaymentLevel.View, PaymentLevel.Take, PaymentLevel.Full })
        {
            var member = await app.AddStaffAsync(practice);
            Assert.True(await app.InPracticeAsync(practice, sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<PaymentLevels>(sp).SetAsync(member.Id, level)));
            atLevel[level] = await app.SignedInClientAsync(practice, member);
        }

        // Bearer tokens for the sync API: one of this practice, one of the other.
        var ownToken = (await Portal.Tests.Sync.SyncOAuth.LoginAsync(asAdmin, app.ClientFor(practice))).GetProperty("access_token").GetString()!;
        var foreignToken = (await Portal.Tests.Sync.SyncOAuth.LoginAsync(await app.SignedInClientAsync(other, otherAdmin), app.ClientFor(other))).GetProperty("access_token").GetString()!;

        var paymentCases = 0;
        var staffPermissions = (await app.InPracticeAsync(practice, sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Portal.Identity.Services.RolePermissions>(sp).ForRolesAsync([PortalRole.Staff]))).ToHashSet();

        var failures = new List<string>();
        var cases = 0;

        // The sync API's data endpoints are bearer-only like whoami (so each gets the token cases below).
        var bearerOnly = Endpoints(app).Where(e => e.BearerOnly).Select(e => $"{string.Join(",", e.Methods)} {e.Route.TrimEnd('/')}").ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var expected in SyncApiRoutes.Where(r => !bearerOnly.Contains(r)))
        {
            failures.Add($"{expected} is not an endpoint of the sync API's bearer policy");
        }

        var tenantRoutes = Endpoints(app).Where(e => e.TenantOnly).Select(e => e.Route).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var hostRoutes = Endpoints(app).Where(e => e.HostOnly).Select(e => e.Route).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in Endpoints(app))
        {
            // Every endpoint states who may use it: anonymous users explicitly, or a policy.
            if (!endpoint.Anonymous && !endpoint.Protected)
            {
                failures.Add($"{endpoint.Route} has neither [AllowAnonymous] nor an authorization rule");
            }

            var url = Fill(endpoint.Route);
            foreach (var method in endpoint.Methods)
            {
                if (endpoint.TenantOnly)
                {
                    // A practice page whose path the platform also uses (/, /admin) is answered by the platform's page there.
                    if (!hostRoutes.Contains(endpoint.Route))
                    {
                        cases++;
                        Expect(await SendAsync(endpoint.TakesJson, app.HostClient(), method, url), Outcome.NotFound, "on the platform site", endpoint, method, failures);
                    }

                    if (endpoint.Anonymous)
                    {
                        continue;
                    }

                    cases += 3;
                    Expect(await SendAsync(endpoint.TakesJson, anonymous, method, url), Outcome.SignIn, "anonymous", endpoint, method, failures);
                    Expect(await SendAsync(endpoint.TakesJson, app.ClientFor(practice), method, url, foreignCookie), Outcome.SignIn, "with another practice's session", endpoint, method, failures);
                    // A session cookie never opens the bearer-token API (no cross-site calls ride on a browser's session).
                    Expect(await SendAsync(endpoint.TakesJson, asAdmin, method, url), endpoint.BearerOnly ? Outcome.SignIn : Outcome.Allowed, "as the practice administrator", endpoint, method, failures);
                    if (endpoint.BearerOnly)
                    {
                        cases += 2;
                        Expect(await SendAsync(endpoint.TakesJson, anonymous, method, url, bearer: ownToken), Outcome.Allowed, "with a token of the practice", endpoint, method, failures);
                        Expect(await SendAsync(endpoint.TakesJson, anonymous, method, url, bearer: foreignToken), Outcome.SignIn, "with another practice's token", endpoint, method, failures);
                    }

                    if (endpoint.Permissions.Count > 0)
                    {
                        cases++;
                        Expect(await SendAsync(endpoint.TakesJson, asClient, method, url), Outcome.Denied, "as a client user", endpoint, method, failures);
                        if (!endpoint.Permissions.All(staffPermissions.Contains))
                        {
                            cases++;
                            Expect(await SendAsync(endpoint.TakesJson, asStaff, method, url), Outcome.Denied, "as staff without the permission", endpoint, method, failures);
                        }

                        // Payment permissions come from each staff member's level: exactly the levels that include the permission get in.
                        if (endpoint.Permissions.Select(Portal.Billing.Permissions.LevelFor).ToList() is var needed && needed.All(l => l is not null))
                        {
                            foreach (var (level, browser) in atLevel)
                            {
                                cases++;
                                paymentCases++;
                                var allowed = needed.All(n => level >= n);
                                Expect(await SendAsync(endpoint.TakesJson, browser, method, url), allowed ? Outcome.Allowed : Outcome.Denied, $"as staff with payment level {level}", endpoint, method, failures);
                            }
                        }
                    }
                }
                else if (endpoint.HostOnly)
                {
                    // A host page whose path a practice also uses (/, /admin) is answered by the practice's page there.
                    if (!tenantRoutes.Contains(endpoint.Route))
                    {
                        cases++;
                        Expect(await SendAsync(endpoint.TakesJson, app.ClientFor(practice), method, url), Outcome.NotFound, "on a practice's site", endpoint, method, failures);
                    }

                    if (!endpoint.Anonymous)
                    {
                        cases += 2;
                        Expect(await SendAsync(endpoint.TakesJson, app.HostClient(), method, url), Outcome.OperatorSignIn, "anonymous", endpoint, method, failures);
                        Expect(await SendAsync(endpoint.TakesJson, app.HostClient(), method, url, foreignCookie), Outcome.OperatorSignIn, "with a practice user's session", endpoint, method, failures);
                    }
                }
            }
        }

        output.WriteLine($"{provider}: {cases} access cases over {Endpoints(app).Count()} endpoints");
        Assert.True(cases > 40, $"only {cases} cases: the endpoint table was not read");
        output.WriteLine($"{provider}: {paymentCases} payment-level cases");
        Assert.True(paymentCases >= 3 * 12, $"only {paymentCases} payment-level cases: the Billing pages were not read");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static readonly string[] SyncApiRoutes =
    [
        "GET /api/v1/whoami",
        "POST /api/v1/contacts/batch",
        "POST /api/v1/projects/batch",
        "GET /api/v1/changes",
        "POST /api/v1/invoices/batch",
        "POST /api/v1/payments/batch",
        "POST /api/v1/documents/batch",
        "GET /api/v1/documents/new",
        "GET /api/v1/documents/versions/{versionId:guid}/content",
        "POST /api/v1/documents/downloaded",
        "OPTIONS /api/v1/uploads",
        "POST /api/v1/uploads",
        "HEAD /api/v1/uploads/{id:guid}",
        "PATCH /api/v1/uploads/{id:guid}",
        "DELETE /api/v1/uploads/{id:guid}",
    ];

    private enum Outcome
    {
        SignIn,
        OperatorSignIn,
        Denied,
        NotFound,
        Allowed,
    }

    private sealed record EndpointInfo(string Route, string[] Methods, bool TenantOnly, bool HostOnly, bool Anonymous, bool Protected, IReadOnlyList<string> Permissions, bool BearerOnly, bool TakesJson);

    private static IEnumerable<EndpointInfo> Endpoints(PortalApplication app)
        => app.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<TenantOnlyMetadata>() is not null || e.Metadata.GetMetadata<HostOnlyMetadata>() is not null)
            .Select(e => new EndpointInfo(
                "/" + e.RoutePattern.RawText!.TrimStart('/'),
                e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.ToArray() ?? ["GET", "POST"],
                e.Metadata.GetMetadata<TenantOnlyMetadata>() is not null,
                e.Metadata.GetMetadata<HostOnlyMetadata>() is not null,
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0,
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>()
                    .Where(p => p.StartsWith(PermissionPolicyProvider.Prefix, StringComparison.Ordinal))
                    .Select(p => p[PermissionPolicyProvider.Prefix.Length..]).ToList(),
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Portal.Sync.Services.SyncApi.Policy),
                e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Contains("application/json") == true))
            .DistinctBy(e => (e.Route.ToLowerInvariant(), string.Join(",", e.Methods), e.TenantOnly, e.HostOnly));

    private static string Fill(string route)
        => RouteParameter().Replace(route, m => m.Groups[1].Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString()
            : m.Groups[1].Value.EndsWith('?') ? "" : "nonexistent").Replace("//", "/", StringComparison.Ordinal);

    /// <param name="json">The endpoint reads a JSON body: it gets one, so routing does not answer 415 before authorization is asked.</param>
    private static async Task<HttpResponseMessage> SendAsync(bool json, HttpClient client, string method, string url, string? cookie = null, string? bearer = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url.TrimStart('/'));
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (method != "GET")
        {
            request.Content = json ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : new FormUrlEncodedContent([]);
        }

        return await client.SendAsync(request);
    }

    private static void Expect(HttpResponseMessage response, Outcome expected, string who, EndpointInfo endpoint, string method, List<string> failures)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.ToString() ?? "";
        var ok = expected switch
        {
            Outcome.SignIn => status == 401 || (status == 302 && location.Contains("/account/signin", StringComparison.Ordinal)),
            Outcome.OperatorSignIn => status == 401 || (status == 302 && location.Contains("/admin/signin", StringComparison.Ordinal)),
            Outcome.Denied => status is 403 or 404 || (status == 302 && location.Contains("/account/access-denied", StringComparison.Ordinal)),
            Outcome.NotFound => status == 404,
            // Allowed: the request got past authorization (it may still be a 404 for a made-up id or a 400 for a bodiless POST).
            Outcome.Allowed => status is not (401 or 403) && !location.Contains("signin", StringComparison.Ordinal) && !location.Contains("access-denied", StringComparison.Ordinal),
            _ => false,
        };
        if (!ok)
        {
            failures.Add($"{method} {endpoint.Route} {who}: expected {expected}, got {status} {location}");
        }
    }

    /// <summary>Every feature on, so an endpoint answers for its access rules rather than a 404 for being off.</summary>
    private static async Task<Portal.Core.Tenancy.TenantDescriptor> EverythingOnAsync(PortalApplication app, Portal.Core.Tenancy.TenantDescriptor practice)
    {
        var all = app.Get<ModuleCatalog>().Features.Ordered.Select(f => f.Id).ToList();
        await app.InPracticeAsync(practice, sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TenantFeatures>(sp).EnableAsync(all, default));
        return app.Get<Portal.Core.Tenancy.TenantRegistry>().Find(practice.Name)!;
    }

    private static async Task<string> ForeignCookieAsync(PortalApplication app, Portal.Core.Tenancy.TenantDescriptor other, PortalUser user)
    {
        var response = await app.ClientFor(other).SubmitFormAsync("account/signin", new() { ["Email"] = user.Email!, ["Password"] = Practices.StaffPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("portal.session=", StringComparison.Ordinal)).Split(';')[0];
    }

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex RouteParameter();
}
