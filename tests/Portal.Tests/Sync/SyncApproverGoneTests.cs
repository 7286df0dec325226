using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Identity.Models;
using Portal.Sync.Api;
using Portal.Sync.Endpoints;
using Portal.Sync.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Sync;

/// <summary>
/// Every call of the sync API acts as the staff member who approved the program. Generated from the
/// endpoint table (every endpoint under the sync API's policy, tus uploads included): once the approver
/// is deactivated or loses Sync.Connect, each one answers 403 <c>sync-approver-gone</c> and ends its
/// connection (the token is refused from then on, and the audit trail says why), as a refresh does.
/// </summary>
public sealed partial class SyncApproverGoneTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Every_sync_endpoint_refuses_and_ends_the_connection_once_the_approver_is_deactivated(DatabaseProvider provider)
        => await RefusedEverywhereAsync(provider, SyncItemErrors.ApproverGone, async users =>
        {
            var user = await users.Manager.FindByIdAsync(users.Id.ToString());
            user!.IsDisabled = true;
            Assert.True((await users.Manager.UpdateAsync(user)).Succeeded);
        });

    [Theory, BothDatabases]
    public async Task Every_sync_endpoint_refuses_and_ends_the_connection_once_the_approver_loses_the_sync_permission(DatabaseProvider provider)
        => await RefusedEverywhereAsync(provider, SyncItemErrors.ApproverMayNotConnect, async users =>
        {
            // Still active staff who can sign in, but plain staff may not connect programs.
            var user = await users.Manager.FindByIdAsync(users.Id.ToString());
            Assert.True((await users.Manager.RemoveFromRoleAsync(user!, PortalRole.Administrator)).Succeeded);
            Assert.True((await users.Manager.AddToRoleAsync(user!, PortalRole.Staff)).Succeeded);
        });

    private sealed record Approver(UserManager<PortalUser> Manager, Guid Id);

    private sealed record SyncEndpoint(string Method, string Route, string? Name, bool TakesJson);

    private async Task RefusedEverywhereAsync(DatabaseProvider provider, Portal.Core.Errors.PortalError expected, Func<Approver, Task> loseApprover)
    {
        var sync = await SyncTestPractice.ConnectAsync(await apps.For(provider));
        var app = sync.App;
        var endpoints = SyncEndpoints(app);

        // Not vacuous: the table was read, and it holds the money, document and upload endpoints this is about.
        var names = endpoints.Select(e => e.Name).ToHashSet();
        foreach (var name in new[] { SyncInvoicesEndpoints.BatchName, SyncPaymentsEndpoints.BatchName, SyncDocumentsEndpoints.BatchName, SyncDocumentsEndpoints.NewName, SyncDocumentsEndpoints.ContentName, SyncDocumentsEndpoints.DownloadedName, SyncContactsEndpoints.BatchName })
        {
            Assert.Contains(name, names);
        }

        Assert.Contains(endpoints, e => e.Route.StartsWith(DocumentSync.UploadPath, StringComparison.Ordinal) && e.Method == HttpMethods.Post);
        Assert.True(endpoints.Count >= 15, $"only {endpoints.Count} sync endpoints were found");

        // One connection per endpoint: the first refusal ends the connection it came with.
        var browser = await app.SignedInClientAsync(sync.Practice, sync.Admin);
        var tokens = new List<string>();
        foreach (var endpoint in endpoints)
        {
            tokens.Add((await SyncOAuth.LoginAsync(browser, sync.Http, device: $"{endpoint.Method} {endpoint.Route}")).GetProperty("access_token").GetString()!);
        }

        // While the approver may act, a money batch goes through (the refusals below are the approver's doing).
        var allowed = await sync.BatchAsync("invoices", new { externalId = "I-1", deleted = true });
        Assert.Equal("unchanged", SyncTestPractice.Status(allowed, 0));

        await app.InPracticeAsync(sync.Practice, sp => loseApprover(new Approver(sp.GetRequiredService<UserManager<PortalUser>>(), sync.Admin.Id)));

        var failures = new List<string>();
        foreach (var (endpoint, token) in endpoints.Zip(tokens))
        {
            using var refused = await SendAsync(sync.Http, endpoint, token);
            var body = await refused.Content.ReadAsStringAsync();
            var code = endpoint.Method == HttpMethods.Head || body.Length == 0 ? null : JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
            if (refused.StatusCode != HttpStatusCode.Forbidden || (endpoint.Method != HttpMethods.Head && code != expected.Code))
            {
                failures.Add($"{endpoint.Method} {endpoint.Route}: {(int)refused.StatusCode} {body}");
            }
            else if (endpoint.Method != HttpMethods.Head && !body.Contains(expected.Message, StringComparison.Ordinal))
            {
                failures.Add($"{endpoint.Method} {endpoint.Route}: the problem does not say why: {body}");
            }

            // The connection ended with the refusal: its token opens nothing any more.
            using var after = await SyncOAuth.WhoAmIAsync(sync.Http, token);
            if (after.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{endpoint.Method} {endpoint.Route}: the connection was not ended ({(int)after.StatusCode} at whoami afterwards)");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        var reason = expected.Message[..expected.Message.IndexOf(':', StringComparison.Ordinal)];
        var ended = await app.InPracticeAsync(sync.Practice, sp => sp.GetRequiredService<Portal.Audit.Data.AuditDbContext>().Events.AsNoTracking()
            .Where(e => e.Action == SyncAuditActions.Revoked).Select(e => e.Details).ToListAsync());
        Assert.Equal(endpoints.Count, ended.Count(d => d == $"Ended at {ActAsApproverFilter.AtCall}: {reason}"));
    }

    /// <summary>Every endpoint under the sync API's policy, one per method.</summary>
    private static List<SyncEndpoint> SyncEndpoints(PortalApplication app)
        => app.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == SyncApi.Policy))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get, HttpMethods.Post]).Select(method => new SyncEndpoint(
                method,
                "/" + e.RoutePattern.RawText!.TrimStart('/'),
                e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName,
                e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("application/json") == true)))
            .DistinctBy(e => (e.Method, e.Route.ToLowerInvariant()))
            .ToList();

    /// <summary>A well-formed call (a valid batch body, tus headers), so only the approver can be the reason it is refused.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, SyncEndpoint endpoint, string token)
    {
        var url = RouteParameter().Replace(endpoint.Route, _ => Guid.NewGuid().ToString()).TrimStart('/');
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        if (endpoint.TakesJson)
        {
            request.Content = new StringContent(
                JsonSerializer.Serialize(new { items = new[] { new { externalId = "X-1", deleted = true } }, versionIds = new[] { Guid.NewGuid() } }),
                Encoding.UTF8,
                "application/json");
        }
        else if (endpoint.Method == HttpMethods.Post && endpoint.Route.StartsWith(DocumentSync.UploadPath, StringComparison.Ordinal))
        {
            request.Headers.Add("Upload-Length", "4");
            request.Headers.Add("Upload-Metadata", $"{SyncUploadMetadata.ExternalIdKey} {Convert.ToBase64String(Encoding.UTF8.GetBytes("D-1"))}");
        }
        else if (endpoint.Method == HttpMethods.Patch)
        {
            request.Headers.Add("Upload-Offset", "0");
            request.Content = new ByteArrayContent([1, 2, 3, 4]);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        }

        return await http.SendAsync(request);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
