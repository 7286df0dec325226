using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.Notifications.Models;
using Portal.Tasks.Data;
using Portal.Tasks.Models;
using Portal.Tasks.Services;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Tasks;

/// <summary>
/// A practice with Tasks on, a client in a portal with a full-access user and a contributor, a folder the
/// client may upload into, staff and an administrator; reminders go out at once (no review) so their
/// e-mails can be counted in the outbox.
/// </summary>
public sealed record TasksScenario(
    PortalApplication App,
    TenantDescriptor Practice,
    Guid ClientId,
    Guid FolderId,
    PortalUser Staff,
    PortalUser Admin,
    PortalUser ClientUser,
    PortalUser Contributor)
{
    public static async Task<TasksScenario> CreateAsync(PortalApplication app)
    {
        var practice = await app.CreatePracticeAsync();
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<Portal.Core.Modules.TenantFeatures>().EnableAsync([Portal.Tasks.Manifest.Feature], default));
        practice = app.Get<TenantRegistry>().Find(practice.Name)!;
        var staff = await app.AddStaffAsync(practice);
        var admin = await app.AddAdministratorAsync(practice);
        var clientUser = await app.AddClientAsync(practice);
        var contributor = await app.AddClientAsync(practice);
        var clientId = await app.InPracticeAsync(practice, sp => ClientsFixtures.CreateClientInPortalAsync(sp, "Jordan Lee", [(clientUser.Id, ClientAccessLevel.Full), (contributor.Id, ClientAccessLevel.Contributor)]));
        var folder = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IClientFolders>().CreateAsync(clientId, "2026 Slips", clientCanUpload: true, Principal(staff)));
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new ReminderSettings { ReviewBeforeSending = false }));
        return new TasksScenario(app, practice, clientId, folder.Id, staff, admin, clientUser, contributor);
    }

    /// <summary>A task for the page sweeps, and a live reminder link to it for the client user.</summary>
    public static Task<(Guid TaskId, string LinkToken)> SweepSampleAsync(PortalApplication app, TenantDescriptor practice, Guid clientId, PortalUser staff, PortalUser clientUser)
        => app.InPracticeAsync(practice, async sp =>
        {
            var outcome = await sp.GetRequiredService<TaskStore>().CreateAsync(new TaskInput(clientId, "Sweep task", "Sample", null, true, [], [], null, []), Principal(staff), default);
            var id = outcome.Task?.Id ?? throw new InvalidOperationException("no task: " + string.Join(" ", outcome.Errors.Select(e => e.Message)));
            return (id, await sp.GetRequiredService<RequestLinks>().IssueAsync(id, clientUser.Id, default));
        });

    public static ClaimsPrincipal Principal(PortalUser user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(PortalPrincipal.KindClaim, user.Kind == UserKind.Staff ? PortalPrincipal.StaffKind : PortalPrincipal.ClientKind),
            new Claim(PortalPrincipal.DisplayNameClaim, user.DisplayName.Length > 0 ? user.DisplayName : user.Email!),
        ],
        "test"));

    /// <summary>A request (or a task without items) made by staff through the module's own store.</summary>
    public async Task<ClientTask> CreateTaskAsync(string title, string[] items, DateOnly? dueOn = null, bool everyone = true, Guid[]? assignees = null)
    {
        var outcome = await App.InPracticeAsync(Practice, sp => sp.GetRequiredService<TaskStore>().CreateAsync(
            new TaskInput(ClientId, title, "Please send **both** slips.", dueOn, everyone, assignees ?? [], [], items.Length > 0 ? FolderId : null, items),
            Principal(Staff),
            default));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Select(e => e.Message)));
        return outcome.Task!;
    }

    public Task<T> InTasksAsync<T>(Func<TasksDbContext, Task<T>> work)
        => App.InPracticeAsync(Practice, sp => work(sp.GetRequiredService<TasksDbContext>()));

    public Task<List<RequestItem>> ItemsAsync(Guid taskId)
        => InTasksAsync(db => db.Items.AsNoTracking().Where(i => i.TaskId == taskId).OrderBy(i => i.Position).ToListAsync());

    public Task<ClientTask> TaskAsync(Guid taskId) => InTasksAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId));

    public Task<List<Portal.Core.Mail.OutboxMessage>> MailToAsync(string address)
        => App.InPracticeAsync(Practice, sp => sp.GetRequiredService<CoreTenantDbContext>().OutboxMessages.AsNoTracking().Where(m => m.To == address).OrderBy(m => m.CreatedAt).ToListAsync());

    public Task<List<string>> AuditActionsAsync(Guid taskId)
        => App.InPracticeAsync(Practice, sp => sp.GetRequiredService<Portal.Audit.Data.AuditDbContext>().Events.AsNoTracking()
            .Where(e => e.TargetId == taskId.ToString()).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());

    /// <summary>Waits until every domain event of the practice has been dispatched to its handlers.</summary>
    public Task AllEventsDispatchedAsync()
        => Eventually.TrueAsync(
            () => App.InPracticeAsync(Practice, sp => sp.GetRequiredService<CoreTenantDbContext>().DomainEvents.AllAsync(e => e.DispatchedAt != null)),
            what: "every domain event to be dispatched");

    /// <summary>Refused as the portal refuses: 403/404, or a redirect to sign-in or access denied.</summary>
    public static void AssertRefused(HttpResponseMessage response, string? who = null)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        Assert.True(
            response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("access-denied", StringComparison.Ordinal) || location.Contains("signin", StringComparison.Ordinal))),
            $"{who}: expected a refusal, got {(int)response.StatusCode} {location}");
    }

    /// <summary>Uploads a file as the browser's uploader does on a request's page: the item rides in the tus metadata.</summary>
    public static async Task<HttpResponseMessage> UploadForItemAsync(HttpClient browser, Guid clientId, Guid folderId, Guid itemId, string fileName, byte[] content)
    {
        var create = new HttpRequestMessage(HttpMethod.Post, "uploads");
        create.Headers.Add("Tus-Resumable", "1.0.0");
        create.Headers.Add("Upload-Length", content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        create.Headers.Add("Upload-Metadata", $"filename {TusClient.B64(fileName)},clientId {TusClient.B64(clientId.ToString())},folderId {TusClient.B64(folderId.ToString())},requestItemId {TusClient.B64(itemId.ToString())}");
        var created = await browser.SendAsync(create);
        if (created.StatusCode != HttpStatusCode.Created)
        {
            return created;
        }

        var location = created.Headers.Location!.IsAbsoluteUri ? created.Headers.Location.AbsolutePath : created.Headers.Location.OriginalString;
        var basePath = browser.BaseAddress!.AbsolutePath;
        location = location.StartsWith(basePath, StringComparison.Ordinal) ? location[basePath.Length..] : location.TrimStart('/');
        return await new TusClient(browser).PatchAsync(location, 0, content);
    }
}
