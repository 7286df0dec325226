using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Documents.Data;
using Portal.Identity.Models;
using Portal.Messages.Data;
using Portal.Messages.Models;
using Portal.Messages.Services;
using Portal.Projects.Data;
using Portal.Projects.Models;
using Portal.Sync.Data;
using Portal.Tests.Clients;
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

    [Theory, BothDatabases]
    public async Task New_projects_are_made_together_with_the_history_messages_marks_and_notices_one_by_one_gives_them(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (practice, admin, api, sam) = await StartWithContactsAsync(app);
        Assert.Equal("created", SyncApiClient.Statuses(await api.BatchAsync("projects", new { externalId = "J-0", clientExternalId = "C-2", name = "Payroll", status = "Received" }))[0]);
        var auditBefore = (await app.AuditActionsAsync(practice)).Count;

        object[] items =
        [
            // Stored: changed one by one, after the new projects.
            new { externalId = "J-0", clientExternalId = "C-2", name = "Payroll 2026", status = "Received" },
            new
            {
                externalId = "J-1", clientExternalId = "C-1", name = "2025 personal tax return", status = "In progress", expectedOn = "2027-04-30", note = "Waiting for your T5.",
                assignments = new[] { new { staffEmail = sam.Email, note = "Review the RRSP slip." }, new { staffEmail = sam.Email, note = "Review the RRSP slip." } },
            },
            new { externalId = "J-2", clientExternalId = "C-1", name = "2025 personal tax return", status = "Received", note = (string?)null, assignments = new[] { new { staffEmail = sam.Email, note = "Start with the T4." } } },
            new { externalId = "J-3", clientExternalId = "C-2", name = new string('x', 300), status = "Received", note = (string?)null, assignments = Array.Empty<object>() },
            new { externalId = "J-4", clientExternalId = "C-2", name = "Year-end", status = "Shredded", note = (string?)null, assignments = Array.Empty<object>() },
            new { externalId = "J-5", clientExternalId = "C-2", name = "T2", status = "Filed", note = "Filed on time.", assignments = Array.Empty<object>() },
        ];
        var first = await api.BatchAsync("projects", items);
        Assert.Equal(["updated", "created", "created", "error", "error", "created"], SyncApiClient.Statuses(first));
        Assert.Equal(("name", "project-name-too-long"), SyncApiClient.Error(SyncApiClient.Result(first, 3)));
        Assert.Equal(("status", "project-status-unknown"), SyncApiClient.Error(SyncApiClient.Result(first, 4)));
        Guid Id(int k) => Guid.Parse(SyncApiClient.Result(first, k).GetProperty("id").GetString()!);

        // Folders named as one by one names them: the client's second "2025 personal tax return" gets " (2)".
        var folders = await app.InPracticeAsync(practice, async sp =>
        {
            var projects = await sp.GetRequiredService<ProjectsDbContext>().Projects.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.FolderId);
            var names = await sp.GetRequiredService<DocumentsDbContext>().Folders.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name);
            return new[] { 1, 2, 5 }.Select(k => names[projects[Id(k)]]).ToList();
        });
        Assert.Equal(["2025 personal tax return", "2025 personal tax return (2)", "T2"], folders);

        // The history: made, then the note posted on the same status (a second line, posted as a message).
        var history = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<ProjectsDbContext>().StatusChanges.AsNoTracking().ToListAsync());
        var lines = history.Where(c => c.ProjectId == Id(1)).OrderBy(c => c.At).Select(c => (c.FromName, c.ToName, c.Note, c.PostedAsMessage, c.ByUserId)).ToList();
        Assert.Equal([(null, "In progress", null, false, admin.Id), ("In progress", "In progress", "Waiting for your T5.", true, admin.Id)], lines);
        Assert.Single(history, c => c.ProjectId == Id(2));
        Assert.Equal(2, history.Count(c => c.ProjectId == Id(5)));

        // The thread: the status note from the approver, then Sam's assignment note once, in that order;
        // each author's own message read, the client's two people and Pat each told once per thread.
        var (threads, messages, reads, notices) = await app.InPracticeAsync(practice, async sp =>
        {
            var db = sp.GetRequiredService<MessagesDbContext>();
            return (await db.Threads.AsNoTracking().ToListAsync(), await db.Messages.AsNoTracking().ToListAsync(), await db.Reads.AsNoTracking().ToListAsync(), await db.Notices.AsNoTracking().ToListAsync());
        });
        var thread = threads.Single(t => t.TopicId == Id(1));
        var posted = messages.Where(m => m.ThreadId == thread.Id).OrderBy(m => m.CreatedAt).ToList();
        Assert.Equal([("Waiting for your T5.", admin.Id), ("Review the RRSP slip.", sam.Id)], posted.Select(m => (m.Text, m.AuthorUserId!.Value)));
        Assert.Equal((2, posted[^1].CreatedAt, false, "2025 personal tax return"), (thread.MessageCount, thread.LastMessageAt, thread.LastMessageFromClient, thread.Subject));
        Assert.Equal(
            [(admin.Id, posted[0].CreatedAt), (sam.Id, posted[1].CreatedAt)],
            reads.Where(r => r.ThreadId == thread.Id).OrderBy(r => r.ReadUpTo).Select(r => (r.UserId, r.ReadUpTo)));
        Assert.Equal([1, 1], threads.Where(t => t.TopicId == Id(2) || t.TopicId == Id(5)).OrderBy(t => t.TopicId == Id(5)).Select(t => t.MessageCount));
        Assert.Equal(5, notices.Count);
        Assert.All(notices, n => Assert.NotNull(n.PendingSince));
        Assert.Equal([2, 2, 1], threads.Select(t => notices.Count(n => n.ThreadId == t.Id)).OrderDescending());
        var jobs = await app.InPracticeAsync(practice, async sp =>
        {
            await using var host = await sp.GetRequiredService<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
            return await host.Jobs.AsNoTracking().CountAsync(j => j.Tenant == practice.Name && j.Type == MessageNoticeHandler.JobType);
        });
        Assert.Equal(notices.Count, jobs);

        // The audit trail shows how: the new projects first, together (one save per kind), then the stored one.
        string[] expected =
        [
            ProjectAuditActions.Created, ProjectAuditActions.StatusPosted, ProjectAuditActions.Created, ProjectAuditActions.Created, ProjectAuditActions.StatusPosted,
            .. Enumerable.Repeat(MessageAuditActions.Posted, 4),
            ProjectAuditActions.Changed,
        ];
        Assert.Equal(expected, (await app.AuditActionsAsync(practice)).Skip(auditBefore));

        // The same batch again: nothing moves, the notes are not posted twice.
        var again = await api.BatchAsync("projects", items);
        Assert.Equal(["unchanged", "unchanged", "unchanged", "error", "error", "unchanged"], SyncApiClient.Statuses(again));
        Assert.Equal(messages.Count, (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<MessagesDbContext>().Messages.CountAsync())));
        Assert.Equal(history.Count, (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<ProjectsDbContext>().StatusChanges.CountAsync())));
    }

    [Theory, BothDatabases]
    public async Task Projects_made_together_leave_the_same_rows_as_the_same_projects_sent_one_at_a_time(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        object[] Items(string staffEmail) =>
        [
            new { externalId = "J-1", clientExternalId = "C-1", name = "2025 personal tax return", status = "In progress", expectedOn = "2027-04-30", note = "Waiting for your T5.",
                assignments = new[] { new { staffEmail, note = "Review the RRSP slip." }, new { staffEmail, note = "Review the RRSP slip." }, new { staffEmail, note = "Then the T4." } } },
            new { externalId = "J-2", clientExternalId = "C-1", name = "2025 Personal Tax Return", status = "Received", expectedOn = (string?)null, note = (string?)null, assignments = new[] { new { staffEmail, note = "Start with the T4." } } },
            new { externalId = "J-3", clientExternalId = "C-2", name = "  Year-end  ", status = "filed", expectedOn = "2099-01-01", note = "Filed.", assignments = Array.Empty<object>() },
            new { externalId = "J-4", clientExternalId = "C-2", name = "Year-end", status = "Filed", expectedOn = (string?)null, note = "Filed on time.", assignments = Array.Empty<object>() },
            new { externalId = "J-5", clientExternalId = "C-2", name = "T2", status = "Received", expectedOn = (string?)null, note = (string?)null, assignments = Array.Empty<object>() },
        ];

        async Task<(List<string> Rows, List<string> Audit)> SyncAsync(bool together)
        {
            var (practice, admin, api, sam) = await StartWithContactsAsync(app);
            var auditBefore = (await app.AuditActionsAsync(practice)).Count;
            var items = Items(sam.Email!);
            var statuses = new List<string>();
            if (together)
            {
                statuses.AddRange(SyncApiClient.Statuses(await api.BatchAsync("projects", items)));
            }
            else
            {
                // A batch of one item is always applied one by one.
                foreach (var item in items)
                {
                    statuses.Add(SyncApiClient.Statuses(await api.BatchAsync("projects", item))[0]);
                }
            }

            var rows = new List<string> { string.Join(",", statuses) };
            string Who(Guid? id) => id == admin.Id ? "approver" : id == sam.Id ? "sam" : id?.ToString() ?? "nobody";
            rows.AddRange(await app.InPracticeAsync(practice, async sp =>
            {
                var projectsDb = sp.GetRequiredService<ProjectsDbContext>();
                var messagesDb = sp.GetRequiredService<MessagesDbContext>();
                var projects = await projectsDb.Projects.AsNoTracking().OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id).ToListAsync();
                var folders = await sp.GetRequiredService<DocumentsDbContext>().Folders.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name);
                var history = await projectsDb.StatusChanges.AsNoTracking().ToListAsync();
                var threads = await messagesDb.Threads.AsNoTracking().ToListAsync();
                var messages = await messagesDb.Messages.AsNoTracking().ToListAsync();
                var reads = await messagesDb.Reads.AsNoTracking().ToListAsync();
                var notices = await messagesDb.Notices.AsNoTracking().ToListAsync();
                var lines = new List<string>();
                foreach (var project in projects)
                {
                    lines.Add($"{project.ExternalId}: {project.Name} in {folders[project.FolderId]}, expected {project.ExpectedOn}");
                    lines.AddRange(history.Where(c => c.ProjectId == project.Id).OrderBy(c => c.At).Select(c => $"  {c.FromName} -> {c.ToName} by {Who(c.ByUserId)}: {c.Note} message={c.PostedAsMessage} emailed={c.EmailedClient}"));
                    if (threads.SingleOrDefault(t => t.TopicId == project.Id) is { } thread)
                    {
                        var posted = messages.Where(m => m.ThreadId == thread.Id).OrderBy(m => m.CreatedAt).ToList();
                        lines.Add($"  thread {thread.Subject}: {thread.MessageCount} message(s), last from client {thread.LastMessageFromClient}, last at the last message {thread.LastMessageAt == posted[^1].CreatedAt}");
                        lines.AddRange(posted.Select(m => $"    {Who(m.AuthorUserId)}: {m.Text}"));
                        lines.AddRange(reads.Where(r => r.ThreadId == thread.Id).OrderBy(r => r.ReadUpTo)
                            .Select(r => $"    read by {Who(r.UserId)} up to their last message {r.ReadUpTo == posted.Last(m => m.AuthorUserId == r.UserId).CreatedAt}"));
                        lines.Add($"    {notices.Count(n => n.ThreadId == thread.Id && n.PendingSince != null)} notice(s) pending of {notices.Count(n => n.ThreadId == thread.Id)}");
                    }
                }

                await using var host = await sp.GetRequiredService<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
                lines.Add($"{await host.Jobs.AsNoTracking().CountAsync(j => j.Tenant == practice.Name && j.Type == MessageNoticeHandler.JobType)} notice job(s)");
                lines.Add($"{await sp.GetRequiredService<SyncDbContext>().AssignmentNotes.CountAsync()} assignment note(s) marked posted");
                return lines;
            }));
            return (rows, [.. (await app.AuditActionsAsync(practice)).Skip(auditBefore)]);
        }

        var oneByOne = await SyncAsync(together: false);
        var madeTogether = await SyncAsync(together: true);
        Assert.Equal(oneByOne.Rows, madeTogether.Rows);
        Assert.Equal(oneByOne.Audit.Order(), madeTogether.Audit.Order());
        Assert.Contains("J-2: 2025 Personal Tax Return in 2025 Personal Tax Return (2), expected ", madeTogether.Rows);

        // Not two runs of one by one: made together, every project is made before any note is posted.
        Assert.True(madeTogether.Audit.LastIndexOf(ProjectAuditActions.Created) < madeTogether.Audit.IndexOf(MessageAuditActions.Posted), string.Join(", ", madeTogether.Audit));
        Assert.True(oneByOne.Audit.LastIndexOf(ProjectAuditActions.Created) > oneByOne.Audit.IndexOf(MessageAuditActions.Posted), string.Join(", ", oneByOne.Audit));
    }

    /// <summary>A practice with projects and messages, a staff member Sam, and two contacts: C-1 with two people, C-2 with one.</summary>
    private static async Task<(Portal.Core.Tenancy.TenantDescriptor Practice, PortalUser Admin, SyncApiClient Api, PortalUser Sam)> StartWithContactsAsync(PortalApplication app)
    {
        var (practice, admin, api) = await SyncApiClient.StartAsync(app, "Portal.Documents", "Portal.Projects", "Portal.Messages");
        var sam = await app.AddStaffAsync(practice);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await api.BatchAsync(
            "contacts",
            new { externalId = "C-1", name = "Jordan Lee", portalUsers = new[] { new { externalId = "U-1", email = $"jordan-{tag}@example.com" }, new { externalId = "U-2", email = $"casey-{tag}@example.com" } } },
            new { externalId = "C-2", name = "Harbour Bakery Ltd", portalUsers = new[] { new { externalId = "U-3", email = $"pat-{tag}@example.com" } } });
        return (practice, admin, api, sam);
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
