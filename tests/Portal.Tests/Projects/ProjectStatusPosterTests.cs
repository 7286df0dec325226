using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Data;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Identity.Models;
using Portal.Messages.Data;
using Portal.Notifications.Data;
using Portal.Projects.Data;
using Portal.Projects.Models;
using Portal.Projects.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Projects;

/// <summary>The one way a status is posted: history, event, audit, the note as a message, the e-mail; and what it refuses.</summary>
public sealed class ProjectStatusPosterTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_posted_status_is_kept_in_history_published_and_audited(DatabaseProvider provider)
    {
        var scenario = await ProjectsScenario.CreateAsync(await apps.For(provider));
        var project = await scenario.CreateProjectAsync(externalId: "T1-2026-77");
        var waiting = await scenario.StatusAsync("Waiting on you");

        var result = await PostAsync(scenario, scenario.Staff, new ProjectStatusPost(null, "T1-2026-77", null, "waiting ON you", "Two slips missing."));

        Assert.Null(result.Error);
        var (stored, history, events) = await scenario.InPracticeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ProjectsDbContext>();
            var core = sp.GetRequiredService<CoreTenantDbContext>();
            return (
                await db.Projects.SingleAsync(p => p.Id == project.Id),
                await db.StatusChanges.Where(c => c.ProjectId == project.Id).OrderBy(c => c.At).ToListAsync(),
                await core.DomainEvents.Where(e => e.Type == ProjectStatusChanged.EventType).ToListAsync());
        });
        Assert.Equal(waiting.Id, stored.StatusId);
        Assert.Equal(2, history.Count);
        var change = history[1];
        Assert.Equal(("Received", "Waiting on you", "Two slips missing."), (change.FromName, change.ToName, change.Note));
        Assert.Equal(scenario.Staff.Id, change.ByUserId);
        Assert.False(change.PostedAsMessage);
        Assert.False(change.EmailedClient);

        var published = events.Select(e => JsonSerializer.Deserialize<ProjectStatusChanged>(e.Payload, JsonSerializerOptions.Web)!).Single(e => e.ChangeId == change.Id);
        Assert.Equal((project.Id, "T1-2026-77", waiting.Id), (published.ProjectId, published.ProjectExternalId, published.ToStatusId));

        var audited = await scenario.InPracticeAsync(sp => sp.GetRequiredService<AuditDbContext>().Events
            .Where(e => e.Action == ProjectAuditActions.StatusPosted && e.TargetId == project.Id.ToString()).ToListAsync());
        Assert.Equal("Received → Waiting on you", Assert.Single(audited).Details);
    }

    [Theory, BothDatabases]
    public async Task A_retired_unknown_or_missing_status_and_a_bad_note_are_refused_at_their_field_with_nothing_written(DatabaseProvider provider)
    {
        var scenario = await ProjectsScenario.CreateAsync(await apps.For(provider));
        var project = await scenario.CreateProjectAsync();
        var filed = await scenario.StatusAsync("Filed");
        Assert.Null(await scenario.InPracticeAsync(sp => sp.GetRequiredService<ProjectStatusList>().SetRetiredAsync(filed.Id, true)));

        var cases = new (ProjectStatusPost Post, string Code, string? Field)[]
        {
            (new(project.Id, null, filed.Id, null), "project-status-retired", ProjectErrors.StatusField),
            (new(project.Id, null, null, "Filed"), "project-status-retired", ProjectErrors.StatusField),
            (new(project.Id, null, Guid.NewGuid(), null), "project-status-unknown", ProjectErrors.StatusField),
            (new(project.Id, null, null, "Lost in the post"), "project-status-unknown", ProjectErrors.StatusField),
            (new(project.Id, null, null, null), "project-status-required", ProjectErrors.StatusField),
            (new(project.Id, null, null, "In progress", new string('x', ProjectStatusChange.NoteMaxLength + 1)), "project-note-too-long", ProjectErrors.NoteField),
            (new(project.Id, null, null, "In progress", "  ", PostNoteAsMessage: true), "project-note-required", ProjectErrors.NoteField),
            (new(Guid.NewGuid(), null, null, "In progress"), "project-not-found", null),
            (new(null, "no-such-project", null, "In progress"), "project-not-found", null),
            (new(null, null, null, "In progress"), "project-required", null),
        };
        foreach (var (post, code, field) in cases)
        {
            var result = await PostAsync(scenario, scenario.Staff, post);
            Assert.Equal((code, field), (result.Error?.Code, result.Error?.Field));
        }

        // Messages are off in this practice: asking to post the note is refused before anything is written.
        Assert.Equal("project-messages-off", (await PostAsync(scenario, scenario.Staff, new(project.Id, null, null, "In progress", "Started.", PostNoteAsMessage: true))).Error?.Code);

        var (history, current) = await scenario.InPracticeAsync(async sp => (
            await sp.GetRequiredService<ProjectsDbContext>().StatusChanges.CountAsync(c => c.ProjectId == project.Id),
            (await sp.GetRequiredService<ProjectsDbContext>().Projects.SingleAsync(p => p.Id == project.Id)).StatusId));
        Assert.Equal(1, history);
        Assert.Equal((await scenario.StatusAsync("Received")).Id, current);

        // The project keeps showing its status after that status is retired.
        Assert.Null((await PostAsync(scenario, scenario.Staff, new(project.Id, null, null, "Waiting on you"))).Error);
        var waiting = await scenario.StatusAsync("Waiting on you");
        Assert.Null(await scenario.InPracticeAsync(sp => sp.GetRequiredService<ProjectStatusList>().SetRetiredAsync(waiting.Id, true)));
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff);
        var page = await staff.GetDocumentAsync($"admin/projects/{project.Id}");
        Assert.Contains("Waiting on you", page.QuerySelector("[data-testid=project-status]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("select[name='Status.StatusId'] option"), o => o.TextContent == "Waiting on you");
    }

    [Theory, BothDatabases]
    public async Task Only_staff_who_may_manage_projects_of_the_client_can_post(DatabaseProvider provider)
    {
        var scenario = await ProjectsScenario.CreateAsync(await apps.For(provider));
        var project = await scenario.CreateProjectAsync();
        foreach (var user in new[] { scenario.NoRoleStaff, scenario.ClientUser, scenario.Contributor, scenario.OtherPortalUser })
        {
            var result = await PostAsync(scenario, user, new(project.Id, null, null, "Filed"));
            Assert.Equal("project-not-found", result.Error?.Code);
        }

        Assert.Null((await PostAsync(scenario, scenario.Admin, new(project.Id, null, null, "Filed"))).Error);
    }

    [Theory, BothDatabases]
    public async Task The_note_goes_to_the_projects_thread_when_the_practice_has_messages(DatabaseProvider provider)
    {
        var scenario = await ProjectsScenario.CreateAsync(await apps.For(provider), "Portal.Messages");
        var project = await scenario.CreateProjectAsync();
        var note = $"Your T4 arrived, thanks. {Guid.NewGuid():N}";

        var result = await PostAsync(scenario, scenario.Staff, new(project.Id, null, null, "In progress", note, PostNoteAsMessage: true));

        Assert.Null(result.Error);
        Assert.True(result.Change!.PostedAsMessage);
        var (thread, messages) = await scenario.InPracticeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MessagesDbContext>();
            var thread = await db.Threads.SingleAsync(t => t.TopicKind == ProjectThreadsThroughMessages.TopicKind && t.TopicId == project.Id);
            return (thread, await db.Messages.Where(m => m.ThreadId == thread.Id).ToListAsync());
        });
        Assert.Equal((scenario.ClientId, project.Name), (thread.ClientId, thread.Subject));
        var message = Assert.Single(messages);
        Assert.Equal((note, false, scenario.Staff.Id), (message.Text, message.FromClient, message.AuthorUserId));
        Assert.True(await scenario.InPracticeAsync(sp => sp.GetRequiredService<ProjectsDbContext>().StatusChanges.AnyAsync(c => c.Id == result.Change.Id && c.PostedAsMessage)));

        // Without "post as a message" nothing is posted, even with a note; a second note goes to the same thread.
        Assert.Null((await PostAsync(scenario, scenario.Staff, new(project.Id, null, null, "Filed", "Staff only: filed via EFILE."))).Error);
        Assert.Null((await PostAsync(scenario, scenario.Staff, new(project.Id, null, null, "In progress", "Reopened for an amendment.", PostNoteAsMessage: true))).Error);
        var texts = await scenario.InPracticeAsync(sp => sp.GetRequiredService<MessagesDbContext>().Messages
            .Where(m => m.ThreadId == thread.Id).OrderBy(m => m.CreatedAt).Select(m => m.Text).ToListAsync());
        Assert.Equal([note, "Reopened for an amendment."], texts);
    }

    [Theory, BothDatabases]
    public async Task The_client_email_goes_to_full_access_users_and_says_the_status_but_never_the_note(DatabaseProvider provider)
    {
        var scenario = await ProjectsScenario.CreateAsync(await apps.For(provider));
        var project = await scenario.CreateProjectAsync();
        const string note = "Internal: partner review booked for Tuesday";

        var result = await PostAsync(scenario, scenario.Staff, new(project.Id, null, null, "Ready for review", note, EmailClient: true));

        Assert.Null(result.Error);
        Assert.Equal(1, result.Emailed);
        Assert.True(result.Change!.EmailedClient);
        var reminder = Assert.Single(await scenario.InPracticeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Reminders.Where(r => r.Kind == ProjectStatusReminderKind.Name).ToListAsync()));
        Assert.Equal((scenario.ClientUser.Id, scenario.ClientUser.Email), (reminder.UserId, reminder.Recipient));

        var mail = await scenario.InPracticeAsync(sp => sp.GetServices<IReminderKind>().Single(k => k.Kind == ProjectStatusReminderKind.Name)
            .ComposeAsync(new ReminderRequest(reminder.Kind, reminder.UserId, reminder.Recipient, reminder.Summary, reminder.Payload), preview: true, default));
        Assert.NotNull(mail);
        Assert.Contains("Ready for review", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"/projects/{project.Id}", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("partner review", mail.TextBody + mail.HtmlBody + mail.Subject, StringComparison.Ordinal);
    }

    private static Task<ProjectStatusPostResult> PostAsync(ProjectsScenario scenario, PortalUser user, ProjectStatusPost post)
        => scenario.InPracticeAsync(async sp =>
        {
            var principal = await sp.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
            return await sp.GetRequiredService<ProjectStatusPoster>().PostAsync(post, principal);
        });
}
