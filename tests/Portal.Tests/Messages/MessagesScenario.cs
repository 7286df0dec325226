using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Modules;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.Messages.Data;
using Portal.Messages.Models;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Messages;

/// <summary>
/// A practice with Messages on: a client in a portal with a full-access user and a contributor, staff
/// and an administrator (from <see cref="DocumentsScenario"/>), and a second client in another portal with its own user.
/// </summary>
public sealed record MessagesScenario(DocumentsScenario Documents, Guid OtherClientId, PortalUser OtherPortalUser)
{
    public PortalApplication App => Documents.App;

    public TenantDescriptor Practice => Documents.Practice;

    public Guid ClientId => Documents.ClientId;

    public static async Task<MessagesScenario> CreateAsync(PortalApplication app)
    {
        var documents = await DocumentsScenario.CreateAsync(app);
        await app.InPracticeAsync(documents.Practice, sp => sp.GetRequiredService<TenantFeatures>().EnableAsync(["Portal.Documents", "Portal.Messages"], default));
        documents = documents with { Practice = app.Get<TenantRegistry>().Find(documents.Practice.Name)! };
        var otherUser = await app.AddClientAsync(documents.Practice);
        var otherClient = await app.InPracticeAsync(documents.Practice, sp => ClientsFixtures.CreateClientInPortalAsync(sp, "Okafor Consulting", [(otherUser.Id, ClientAccessLevel.Full)]));
        return new MessagesScenario(documents, otherClient, otherUser);
    }

    public Task<HttpClient> BrowserAsync(PortalUser user) => App.SignedInClientAsync(Practice, user);

    public Task<T> InPracticeAsync<T>(Func<IServiceProvider, Task<T>> work) => App.InPracticeAsync(Practice, work);

    public Task<List<MessageThread>> ThreadsAsync()
        => InPracticeAsync(sp => sp.GetRequiredService<MessagesDbContext>().Threads.AsNoTracking().ToListAsync());

    public Task<List<Message>> MessagesAsync(Guid threadId)
        => InPracticeAsync(sp => sp.GetRequiredService<MessagesDbContext>().Messages.AsNoTracking().Where(m => m.ThreadId == threadId).OrderBy(m => m.CreatedAt).ToListAsync());

    public Task<Guid> ReasonIdAsync(string name)
        => InPracticeAsync(sp => sp.GetRequiredService<MessagesDbContext>().Reasons.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());

    /// <summary>A page's form posted as a browser posts it: multipart, with its antiforgery token, fields and files.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, Dictionary<string, string> fields, params (string Name, byte[] Content)[] files)
    {
        var token = await browser.AntiforgeryTokenAsync(path);
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "files", name);
        }

        return await browser.PostAsync(HtmlForms.Relative(path), content);
    }

    /// <summary>Sends a Contact us message as <paramref name="browser"/>'s user; returns the new thread's id (from the redirect).</summary>
    public async Task<Guid> ContactAsync(HttpClient browser, string reason, string text, Guid? clientId = null)
    {
        var response = await PostAsync(browser, "contact", new()
        {
            ["Input.ReasonId"] = (await ReasonIdAsync(reason)).ToString(),
            ["Input.ClientId"] = (clientId ?? ClientId).ToString(),
            ["Input.Text"] = text,
        });
        return ThreadOf(response);
    }

    /// <summary>A new general conversation as <paramref name="browser"/>'s user.</summary>
    public async Task<Guid> StartAsync(HttpClient browser, string subject, string text, Guid? clientId = null)
    {
        var response = await PostAsync(browser, "messages/new", new()
        {
            ["Input.ClientId"] = (clientId ?? ClientId).ToString(),
            ["Input.Subject"] = subject,
            ["Input.Text"] = text,
        });
        return ThreadOf(response);
    }

    public static async Task<HttpResponseMessage> ReplyAsync(HttpClient browser, string threadPath, string text)
        => await PostAsync(browser, threadPath, new() { ["Input.Text"] = text });

    /// <summary>Posts one of the reasons editor's forms: the one of <paramref name="handler"/> for the reason (and, for Move, the direction).</summary>
    public static async Task<HttpResponseMessage> ReasonFormAsync(HttpClient admin, string handler, Guid reasonId, Dictionary<string, string> values, string? direction = null)
    {
        const string path = "admin/messages/reasons";
        var page = await admin.GetDocumentAsync(path);
        var form = page.Forms.First(f =>
            (f.GetAttribute("action") ?? "").Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase)
            && f.QuerySelector($"input[name=id][value='{reasonId}']") is not null
            && (direction is null || f.QuerySelector($"input[name=direction][value='{direction}']") is not null));
        return await admin.PostFormAsync(form, values, path);
    }

    private static Guid ThreadOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return Guid.Parse(location.Split('/').Last().Split('?')[0]);
    }
}
