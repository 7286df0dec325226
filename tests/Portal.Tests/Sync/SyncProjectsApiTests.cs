using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Messages.Data;
using Portal.Projects.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Sync;

/// <summary>POST /api/v1/projects/batch: projects by external id, statuses by name, notes and assignment notes posted once.</summary>
public sealed class SyncProjectsApiTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_project_is_made_with_its_status_and_notes_posted_once_and_the_same_batch_again_changes_nothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (practice, _, api) = await SyncApiClient.StartAsync(app, "Portal.Documents", "Portal.Projects", "Portal.Messages");
        var sam = await app.AddStaffAsync(practice);
        await api.BatchAsync("contacts", new { externalId = "C-1", name = "Jordan Lee" });
        object Project(string status, string? note) => new
        {
            externalId = "J-9",
            clientExternalId = "C-1",
            name = "2025 personal tax return",
            status,
            expectedOn = "2027-04-30",
            note,
            assignments = new[] { new { staffEmail = sam.Email, note = "Review the RRSP slip." } },
        };

        var first = await api.BatchAsync("projects", Project("in PROGRESS", "Waiting for your T5."));
        Assert.Equal("created", SyncApiClient.Result(first, 0).GetProperty("status").GetString());
        var projectId = Guid.Parse(SyncApiClient.Result(first, 0).GetProperty("id").GetString()!);
        var project = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<ProjectsDbContext>().Projects.AsNoTracking().SingleAsync(p => p.Id == projectId));
        Assert.Equal(("J-9", "2025 personal tax return", new DateOnly(2027, 4, 30)), (project.ExternalId, project.Name, project.ExpectedOn));
        Assert.Equal("In progress", await StatusNameAsync(app, practice, projectId));

        // The note as a message from the practice, the assignment note as a message from Sam.
        var messages = await MessagesAsync(app, practice, project.ClientId);
        Assert.Contains(messages, m => m.Text == "Waiting for your T5.");
        Assert.Contains(messages, m => m.Text == "Review the RRSP slip." && m.AuthorUserId == sam.Id);

        var again = await api.BatchAsync("projects", Project("In progress", "Waiting for your T5."));
        Assert.Equal("unchanged", SyncApiClient.Result(again, 0).GetProperty("status").GetString());
        Assert.Equal(messages.Count, (await MessagesAsync(app, practice, project.ClientId)).Count);

        // A new status is posted (history kept); the assignment note still is not posted twice.
        var moved = await api.BatchAsync("projects", Project("Ready for review", "Waiting for your T5."));
        Assert.Equal("updated", SyncApiClient.Result(moved, 0).GetProperty("status").GetString());
        Assert.Equal("Ready for review", await StatusNameAsync(app, practice, projectId));
        Assert.Single(await MessagesAsync(app, practice, project.ClientId), m => m.Text == "Review the RRSP slip.");
    }

    [Theory, BothDatabases]
    public async Task An_unknown_status_or_staff_member_fails_its_row_and_writes_nothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (practice, _, api) = await SyncApiClient.StartAsync(app, "Portal.Documents", "Portal.Projects", "Portal.Messages");
        await api.BatchAsync("contacts", new { externalId = "C-1", name = "Jordan Lee" });

        var batch = await api.BatchAsync(
            "projects",
            new { externalId = "J-1", clientExternalId = "C-1", name = "Year-end", status = "Shredded" },
            new { externalId = "J-2", clientExternalId = "C-1", name = "Payroll", status = "Received", assignments = new[] { new { staffEmail = "nobody@example.com", note = "Hi" } } },
            new { externalId = "J-3", clientExternalId = "C-1", name = "T2", status = "Received", expectedOn = "30/04/2027" },
            new { externalId = "J-4", clientExternalId = "C-1", name = "Bookkeeping", status = "Received" });

        Assert.Equal(["error", "error", "error", "created"], SyncApiClient.Statuses(batch));
        Assert.Equal(("status", "project-status-unknown"), SyncApiClient.Error(SyncApiClient.Result(batch, 0)));
        Assert.Equal(("assignments[0].staffEmail", "staff-not-found"), SyncApiClient.Error(SyncApiClient.Result(batch, 1)));
        Assert.Equal(("expectedOn", "project-expected-invalid"), SyncApiClient.Error(SyncApiClient.Result(batch, 2)));
        Assert.Equal(["J-4"], await app.InPracticeAsync(practice, sp => sp.GetRequiredService<ProjectsDbContext>().Projects.Select(p => p.ExternalId).ToListAsync()));

        // A tombstone releases the project from the program; again, it is unchanged.
        Assert.Equal("deleted", SyncApiClient.Result(await api.BatchAsync("projects", new { externalId = "J-4", deleted = true }), 0).GetProperty("status").GetString());
        Assert.Equal("unchanged", SyncApiClient.Result(await api.BatchAsync("projects", new { externalId = "J-4", deleted = true }), 0).GetProperty("status").GetString());
    }

    private static Task<string> StatusNameAsync(PortalApplication app, Portal.Core.Tenancy.TenantDescriptor practice, Guid projectId)
        => app.InPracticeAsync(practice, sp =>
        {
            var db = sp.GetRequiredService<ProjectsDbContext>();
            return (from p in db.Projects join s in db.Statuses on p.StatusId equals s.Id where p.Id == projectId select s.Name).SingleAsync();
        });

    private static Task<List<Portal.Messages.Models.Message>> MessagesAsync(PortalApplication app, Portal.Core.Tenancy.TenantDescriptor practice, Guid clientId)
        => app.InPracticeAsync(practice, sp =>
        {
            var db = sp.GetRequiredService<MessagesDbContext>();
            return (from m in db.Messages join t in db.Threads on m.ThreadId equals t.Id where t.ClientId == clientId select m).AsNoTracking().ToListAsync();
        });
}
