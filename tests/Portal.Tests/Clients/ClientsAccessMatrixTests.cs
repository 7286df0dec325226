using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Clients.Models;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Clients;

/// <summary>
/// Every endpoint of the Clients module, read from the application's endpoint table (so a new page is
/// covered the day it is added), called by every kind of person who might try it: anonymous, another
/// practice's user, client users of this and another portal with each access level, an expired
/// contributor, staff without the clients permissions, staff and the administrator. IClientAccess must
/// agree with the same personas.
/// </summary>
public sealed partial class ClientsAccessMatrixTests(SharedApps apps, ITestOutputHelper output) : IClassFixture<SharedApps>
{
    private enum Outcome
    {
        SignIn,
        Denied,
        NotFound,
        Allowed,
    }

    [Theory, BothDatabases]
    public async Task Every_clients_endpoint_admits_exactly_the_right_people(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var other = await app.CreatePracticeAsync();
        var today = await app.TodayAsync(practice);

        var jordan = await app.AddClientRecordAsync(practice, "Jordan Lee", "C-1");
        var bakery = await app.AddClientRecordAsync(practice, "Harbour Bakery Ltd", "C-2", ClientKind.Business);
        var household = await app.AddPortalAsync(practice, "Lee household", jordan.Id);
        var bakeryPortal = await app.AddPortalAsync(practice, "Harbour Bakery", bakery.Id);

        var full = await app.AddClientAsync(practice);
        var contributor = await app.AddClientAsync(practice);
        var expired = await app.AddClientAsync(practice);
        var otherPortal = await app.AddClientAsync(practice);
        await app.GrantAsync(practice, household.Id, full, PortalAccess.Full);
        await app.GrantAsync(practice, household.Id, contributor, PortalAccess.Contributor, today.AddDays(30));
        await app.GrantAsync(practice, household.Id, expired, PortalAccess.Contributor, today.AddDays(-1));
        await app.GrantAsync(practice, bakeryPortal.Id, otherPortal, PortalAccess.Full);
        var receptionist = await ReceptionistAsync(app, practice);
        var staff = await app.AddStaffAsync(practice);
        var admin = await app.AddAdministratorAsync(practice);
        var foreignCookie = await SessionCookieAsync(app, other, await app.AddAdministratorAsync(other), Practices.StaffPassword);

        var personas = new List<Persona>
        {
            new("a full-access user of the portal", await app.SignedInClientAsync(practice, full), Kind.Client, ClientAccessLevel.Full),
            new("a contributor of the portal", await app.SignedInClientAsync(practice, contributor), Kind.Client, ClientAccessLevel.Contributor),
            new("an expired contributor", await app.SignedInClientAsync(practice, expired), Kind.Client, ClientAccessLevel.None),
            new("a client user of another portal", await app.SignedInClientAsync(practice, otherPortal), Kind.Client, ClientAccessLevel.None),
            new("staff without the clients permissions", await app.SignedInClientAsync(practice, receptionist), Kind.StaffWithout, ClientAccessLevel.None),
            new("staff", await app.SignedInClientAsync(practice, staff), Kind.Staff, ClientAccessLevel.Staff),
            new("the administrator", await app.SignedInClientAsync(practice, admin), Kind.Staff, ClientAccessLevel.Staff),
        };

        var failures = new List<string>();
        var cases = 0;
        var endpoints = Endpoints(app).ToList();
        Assert.Contains(endpoints, e => e.Route == "/portals/choose");
        Assert.Contains(endpoints, e => e.Route == "/admin/clients/import");
        foreach (var endpoint in endpoints)
        {
            if (!endpoint.Protected || endpoint.Anonymous)
            {
                failures.Add($"{endpoint.Route} must require a signed-in user");
            }

            var url = Fill(endpoint.Route, jordan.Id, household.Id);
            foreach (var method in endpoint.Methods)
            {
                cases += 3;
                Expect(await SendAsync(app.HostClient(), method, url), Outcome.NotFound, "on the platform site", endpoint, method, failures);
                Expect(await SendAsync(app.ClientFor(practice), method, url), Outcome.SignIn, "anonymous", endpoint, method, failures);
                Expect(await SendAsync(app.ClientFor(practice), method, url, foreignCookie), Outcome.SignIn, "with another practice's session", endpoint, method, failures);
                foreach (var persona in personas)
                {
                    cases++;
                    var expected = endpoint.Permissions.Count == 0 || persona.Kind == Kind.Staff ? Outcome.Allowed : Outcome.Denied;
                    Expect(await SendAsync(persona.Browser, method, url), expected, persona.Name, endpoint, method, failures);
                }
            }
        }

        // Choosing the portal: only its current members may; everyone else is refused.
        foreach (var persona in personas)
        {
            cases++;
            var chose = await ChooseAsync(persona.Browser, household.Id);
            var mayChoose = persona.Access is ClientAccessLevel.Full or ClientAccessLevel.Contributor;
            if (mayChoose ? chose.StatusCode != HttpStatusCode.Redirect : chose.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"choosing Lee household as {persona.Name}: got {(int)chose.StatusCode}");
            }
        }

        // IClientAccess answers the same for each persona (and for anonymous), for both portals' clients.
        var users = new[] { full, contributor, expired, otherPortal, receptionist, staff, admin };
        for (var i = 0; i < users.Length; i++)
        {
            cases += 2;
            var persona = personas[i];
            var forJordan = await AccessAsync(app, practice, users[i], jordan.Id);
            if (forJordan != persona.Access)
            {
                failures.Add($"IClientAccess for Jordan Lee as {persona.Name}: expected {persona.Access}, got {forJordan}");
            }

            var forBakery = await AccessAsync(app, practice, users[i], bakery.Id);
            var expectedBakery = users[i] == otherPortal ? ClientAccessLevel.Full : persona.Kind == Kind.Staff ? ClientAccessLevel.Staff : ClientAccessLevel.None;
            if (forBakery != expectedBakery)
            {
                failures.Add($"IClientAccess for Harbour Bakery Ltd as {persona.Name}: expected {expectedBakery}, got {forBakery}");
            }
        }

        cases++;
        Assert.Equal(ClientAccessLevel.None, await AccessAsync(app, practice, null, jordan.Id));

        output.WriteLine($"{provider}: {cases} access cases over {endpoints.Count} Clients endpoints");
        Assert.True(cases > 100, $"only {cases} cases: the endpoint table was not read");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private enum Kind
    {
        Client,
        StaffWithout,
        Staff,
    }

    private sealed record Persona(string Name, HttpClient Browser, Kind Kind, ClientAccessLevel Access);

    private sealed record EndpointInfo(string Route, string[] Methods, bool Anonymous, bool Protected, IReadOnlyList<string> Permissions);

    private static IEnumerable<EndpointInfo> Endpoints(PortalApplication app)
        => app.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<FeatureMetadata>()?.FeatureId == Portal.Clients.Manifest.Feature)
            .Select(e => new EndpointInfo(
                "/" + e.RoutePattern.RawText!.TrimStart('/'),
                e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToArray() ?? ["GET", "POST"],
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0,
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>()
                    .Where(p => p.StartsWith(PermissionPolicyProvider.Prefix, StringComparison.Ordinal))
                    .Select(p => p[PermissionPolicyProvider.Prefix.Length..]).ToList()))
            .DistinctBy(e => (e.Route.ToLowerInvariant(), string.Join(",", e.Methods)));

    /// <summary>Real ids, so "allowed" means the page really answered for an existing client or portal.</summary>
    private static string Fill(string route, Guid clientId, Guid portalId)
        => RouteParameter().Replace(route, m => route.StartsWith("/admin/portals", StringComparison.Ordinal) ? portalId.ToString()
            : route.StartsWith("/admin/clients", StringComparison.Ordinal) ? clientId.ToString()
            : m.Groups[1].Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "nonexistent");

    private static async Task<PortalUser> ReceptionistAsync(PortalApplication app, TenantDescriptor practice)
    {
        await app.InPracticeAsync(practice, async sp =>
        {
            var roles = sp.GetRequiredService<RoleManager<PortalRole>>();
            var role = new PortalRole { Id = Guid.CreateVersion7(), Name = "Receptionist", DisplayName = "Receptionist" };
            Assert.True((await roles.CreateAsync(role)).Succeeded);
            await roles.AddClaimAsync(role, new Claim(PortalClaimTypes.Permission, "Admin.Access"));
            await sp.GetRequiredService<TenantStore>().TouchAsync(practice.Name, default);
        });
        return await app.AddUserAsync(practice, $"reception-{Guid.NewGuid():N}@{practice.Name}.example", UserKind.Staff, ["Receptionist"]);
    }

    private static async Task<ClientAccessLevel> AccessAsync(PortalApplication app, TenantDescriptor practice, PortalUser? user, Guid clientId)
        => await app.InPracticeAsync(practice, async sp =>
        {
            var principal = user is null ? new ClaimsPrincipal(new ClaimsIdentity()) : await sp.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
            return await sp.GetRequiredService<IClientAccess>().ForClientAsync(principal, clientId);
        });

    private static async Task<HttpResponseMessage> ChooseAsync(HttpClient browser, Guid portalId)
    {
        var token = await browser.AntiforgeryTokenAsync("portals/choose");
        return await browser.PostAsync("portals/choose", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["portalId"] = portalId.ToString() }));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, string? cookie = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url.TrimStart('/'));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (method != "GET")
        {
            request.Content = new FormUrlEncodedContent([]);
        }

        try
        {
            return await client.SendAsync(request);
        }
        catch (InvalidOperationException ex)
        {
            // An exception that escaped even the error page: reported as a failed case, not as the end of the test.
            return new HttpResponseMessage(HttpStatusCode.InternalServerError) { ReasonPhrase = ex.Message };
        }
    }

    private static void Expect(HttpResponseMessage response, Outcome expected, string who, EndpointInfo endpoint, string method, List<string> failures)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.ToString() ?? "";
        var ok = expected switch
        {
            Outcome.SignIn => status == 401 || (status == 302 && location.Contains("/account/signin", StringComparison.Ordinal)),
            Outcome.Denied => status is 403 or 404 || (status == 302 && location.Contains("/account/access-denied", StringComparison.Ordinal)),
            Outcome.NotFound => status == 404,

            // Past authorization: the page itself answered (a GET with 200, a bodiless POST with 400 for the missing antiforgery token).
            Outcome.Allowed => (method == "GET" ? status == 200 : status == 400) && !location.Contains("signin", StringComparison.Ordinal),
            _ => false,
        };
        if (!ok)
        {
            failures.Add($"{method} {endpoint.Route} {who}: expected {expected}, got {status} {location}{(status == 500 ? " " + response.ReasonPhrase : "")}");
        }
    }

    private static async Task<string> SessionCookieAsync(PortalApplication app, TenantDescriptor practice, PortalUser user, string password)
    {
        var response = await app.ClientFor(practice).SubmitFormAsync("account/signin", new() { ["Email"] = user.Email!, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("portal.session=", StringComparison.Ordinal)).Split(';')[0];
    }

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex RouteParameter();
}
