using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Identity.Models;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Documents;

/// <summary>
/// Every documents endpoint, for every kind of outsider: anonymous, another practice, another
/// client's user, a contributor without a share, staff without the documents permission. None of
/// them gets data; the owners do.
/// </summary>
public sealed class DocumentsAccessTests(SharedApps apps, ITestOutputHelper output) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Outsiders_get_nothing_from_any_documents_endpoint(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await DocumentsScenario.CreateAsync(app);
        var neighbour = await app.InPracticeAsync(scenario.Practice, sp => ClientsFixtures.CreateClientInPortalAsync(sp, "Neighbour Ltd", []));
        var neighbourUser = await app.AddClientAsync(scenario.Practice);
        await app.InPracticeAsync(scenario.Practice, sp => ClientsFixtures.AddToPortalOfAsync(sp, neighbour, neighbourUser.Id, ClientAccessLevel.Full));
        var noDocsRole = await app.InPracticeAsync(scenario.Practice, async sp =>
        {
            var roles = sp.GetRequiredService<RoleManager<PortalRole>>();
            await roles.CreateAsync(new PortalRole { Id = Guid.CreateVersion7(), Name = "Receptionist", DisplayName = "Receptionist" });
            return "Receptionist";
        });
        var receptionist = await app.AddUserAsync(scenario.Practice, $"desk-{Guid.NewGuid():N}@x.example", UserKind.Staff, [noDocsRole]);
        var otherPractice = await DocumentsScenario.CreateAsync(app);

        var staff = new TusClient(await app.SignedInClientAsync(scenario.Practice, scenario.Staff));
        var version = await staff.UploadAsync(DocumentsScenario.Pdf(4000), "Secret.pdf", scenario.ClientId);
        var documentId = (await staff.Http.GetDocumentAsync($"admin/documents/clients/{scenario.ClientId}")).QuerySelector("tr[data-document]")!.GetAttribute("data-document");
        var upload = await staff.CreateLocationAsync(4000, "pending.pdf", scenario.ClientId);

        var outsiders = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = app.ClientFor(scenario.Practice),
            ["another practice's administrator"] = await ForeignAsync(app, scenario, otherPractice),
            ["another client's user"] = await app.SignedInClientAsync(scenario.Practice, neighbourUser),
            ["a contributor without a share"] = await app.SignedInClientAsync(scenario.Practice, scenario.Contributor),
            ["staff without documents permission"] = await app.SignedInClientAsync(scenario.Practice, receptionist),
        };
        var requests = new (string Method, string Path)[]
        {
            ("GET", $"documents/versions/{version}/download"),
            ("GET", $"documents/{scenario.ClientId}"),
            ("GET", $"documents/{scenario.ClientId}/notes/{documentId}"),
            ("POST", $"documents/{scenario.ClientId}/zip"),
            ("POST", $"documents/{scenario.ClientId}/batches/{Guid.NewGuid()}/complete"),
            ("GET", $"admin/documents"),
            ("GET", $"admin/documents/clients/{scenario.ClientId}"),
            ("GET", $"admin/documents/clients/{scenario.ClientId}?handler=NotesCsv"),
            ("GET", $"admin/documents/{documentId}"),
            ("GET", $"admin/documents/trash"),
            ("HEAD", upload),
            ("PATCH", upload),
            ("DELETE", upload),
        };

        var failures = new List<string>();
        var cases = 0;
        foreach (var (who, client) in outsiders)
        {
            foreach (var (method, path) in requests)
            {
                cases++;
                var request = new HttpRequestMessage(new HttpMethod(method), path);
                request.Headers.Add("Tus-Resumable", "1.0.0");
                if (method is "POST" or "PATCH")
                {
                    request.Content = new ByteArrayContent(DocumentsScenario.Pdf(100));
                    request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(method == "PATCH" ? "application/offset+octet-stream" : "application/x-www-form-urlencoded");
                    request.Headers.Add("Upload-Offset", "0");
                }

                var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.ToString() ?? "";
                var body = method == "HEAD" ? "" : await response.Content.ReadAsStringAsync();
                var refused = status is 400 or 401 or 403 or 404 || (status == 302 && (location.Contains("signin", StringComparison.Ordinal) || location.Contains("access-denied", StringComparison.Ordinal)));

                // A contributor belongs to the client: the page opens, showing only what is shared (nothing here).
                var emptyPageForContributor = who == "a contributor without a share" && path == $"documents/{scenario.ClientId}" && status == 200;
                if ((!refused && !emptyPageForContributor) || body.Contains("Secret.pdf", StringComparison.Ordinal))
                {
                    failures.Add($"{who}: {method} {path} answered {status} {location}");
                }
            }
        }

        // A creation for this client by an outsider is refused too.
        foreach (var (who, client) in outsiders.Where(o => o.Key != "staff without documents permission" && o.Key != "anonymous"))
        {
            cases++;
            var created = await new TusClient(client).CreateAsync(100, "intruder.pdf", scenario.ClientId);
            if (created.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized))
            {
                failures.Add($"{who}: creating an upload answered {(int)created.StatusCode}");
            }
        }

        output.WriteLine($"{provider}: {cases} documents access cases");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        // The owners, for contrast: the full-access user and, once shared, the contributor.
        var owner = await app.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"documents/versions/{version}/download")).StatusCode);
        await app.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<Portal.Documents.Services.DocumentLibrary>().ShareAsync(scenario.ClientId, Guid.Parse(documentId!), null, scenario.Contributor.Id, new System.Security.Claims.ClaimsPrincipal(), default));
        Assert.Equal(HttpStatusCode.OK, (await outsiders["a contributor without a share"].GetAsync($"documents/versions/{version}/download")).StatusCode);
    }

    private static async Task<HttpClient> ForeignAsync(PortalApplication app, DocumentsScenario target, DocumentsScenario other)
    {
        var response = await app.ClientFor(other.Practice).SubmitFormAsync("account/signin", new() { ["Email"] = other.Admin.Email!, ["Password"] = Practices.StaffPassword });
        var cookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("portal.session=", StringComparison.Ordinal)).Split(';')[0];
        var client = app.ClientFor(target.Practice);
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    [Theory, BothDatabases]
    public async Task Nothing_is_written_for_a_client_that_does_not_exist(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await DocumentsScenario.CreateAsync(app);
        var admin = new TusClient(await app.SignedInClientAsync(scenario.Practice, scenario.Admin));
        var nobody = Guid.CreateVersion7();
        var token = await admin.Http.AntiforgeryTokenAsync($"admin/documents/clients/{scenario.ClientId}");

        var folder = await admin.Http.PostAsync($"admin/documents/clients/{nobody}?handler=CreateFolder", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("name", "Orphans")]));
        Assert.Equal(HttpStatusCode.NotFound, folder.StatusCode);
        var upload = await admin.CreateAsync(1000, "orphan.pdf", nobody);
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        var batch = new HttpRequestMessage(HttpMethod.Post, $"documents/{nobody}/batches/{Guid.CreateVersion7()}/complete");
        batch.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.SendAsync(batch)).StatusCode);

        var written = await app.InPracticeAsync(scenario.Practice, async sp =>
        {
            var db = sp.GetRequiredService<Portal.Documents.Data.DocumentsDbContext>();
            return await db.Folders.CountAsync(f => f.ClientId == nobody) + await db.Uploads.CountAsync(u => u.ClientId == nobody) + await db.Documents.CountAsync(d => d.ClientId == nobody);
        });
        Assert.Equal(0, written);
    }
}
