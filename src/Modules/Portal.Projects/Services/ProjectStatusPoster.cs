using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Events;
using Portal.Core.Time;
using Portal.Projects.Data;
using Portal.Projects.Models;

namespace Portal.Projects.Services;

/// <summary>
/// The one way a project's status changes, for the staff page now and the desktop sync API later:
/// checks everything first (who, which project, which status, the note and what to do with it), then
/// writes the history line, the project's new status and <see cref="ProjectStatusChanged"/> in one
/// transaction, records it in the audit trail, and only then posts the note as a message and queues
/// the e-mails, marking on the history line what was done.
/// </summary>
public sealed class ProjectStatusPoster(
    ProjectsDbContext db,
    ProjectAccess access,
    ProjectStatusList statuses,
    IProjectThreads threads,
    IClientDirectory clients,
    IUserDirectory users,
    IAuditLog audit,
    IDomainEventPublisher events,
    IPracticeClock clock,
    IServiceProvider services)
{
    public async Task<ProjectStatusPostResult> PostAsync(ProjectStatusPost post, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var project = await FindProjectAsync(post, cancellationToken);
        if (project is null)
        {
            return new(null, post.ProjectId is null && string.IsNullOrWhiteSpace(post.ProjectExternalId) ? ProjectErrors.ProjectRequired : ProjectErrors.ProjectNotFound);
        }

        var rights = await access.ForClientAsync(actor, project.ClientId, cancellationToken);
        if (!rights.IsStaff || !rights.CanManage)
        {
            return new(null, ProjectErrors.ProjectNotFound);
        }

        return await PostCheckedAsync(project, post, actor, cancellationToken);
    }

    /// <summary>For the recipe, which runs as nobody: the same checks and writes, without the staff member's permission.</summary>
    internal async Task<ProjectStatusPostResult> PostAsSetupAsync(Project project, ProjectStatusPost post, CancellationToken cancellationToken)
        => await PostCheckedAsync(await db.Projects.FirstAsync(p => p.Id == project.Id, cancellationToken), post, new ClaimsPrincipal(), cancellationToken);

    private async Task<ProjectStatusPostResult> PostCheckedAsync(Project project, ProjectStatusPost post, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var (status, error) = await FindStatusAsync(post, cancellationToken);
        if (error is not null)
        {
            return new(null, error);
        }

        var note = string.IsNullOrWhiteSpace(post.Note) ? null : post.Note.Trim();
        error = note is { Length: > ProjectStatusChange.NoteMaxLength } ? ProjectErrors.NoteTooLong
            : post.PostNoteAsMessage && note is null ? ProjectErrors.NoteRequiredForMessage
            : post.PostNoteAsMessage && !threads.IsAvailable ? ProjectErrors.MessagesOff
            : null;
        var reminders = post.EmailClient ? services.GetService<IReminderQueue>() : null;
        if (error is null && post.EmailClient && reminders is null)
        {
            error = ProjectErrors.EmailOff;
        }

        if (error is not null)
        {
            return new(null, error);
        }

        var now = clock.UtcNow;
        var change = ProjectLibrary.StatusChange(project.Id, actor, await statuses.FindAsync(project.StatusId, cancellationToken), status!, note, now);
        change.FromStatusId = project.StatusId;
        db.StatusChanges.Add(change);
        project.StatusId = status!.Id;
        project.UpdatedAt = now;
        events.Publish(db, new ProjectStatusChanged(project.Id, project.ClientId, project.ExternalId, change.FromStatusId, status.Id, status.Name, change.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(
            new AuditEntry(ProjectAuditActions.StatusPosted, ProjectAuditTargets.Project, project.Id.ToString(), $"{change.FromName ?? "none"} → {status.Name}"),
            cancellationToken);

        if (post.PostNoteAsMessage)
        {
            await threads.PostNoteAsync(project, actor, note!, cancellationToken);
            change.PostedAsMessage = true;
        }

        var emailed = 0;
        if (reminders is not null)
        {
            emailed = await QueueEmailsAsync(reminders, project, cancellationToken);
            change.EmailedClient = emailed > 0;
        }

        if (change.PostedAsMessage || change.EmailedClient)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return new(change, null, emailed);
    }

    /// <summary>
    /// One reminder per full-access user of the client (contributors see only what is shared with them,
    /// so they are not told about the project as a whole); a second change while one waits replaces it.
    /// </summary>
    private async Task<int> QueueEmailsAsync(IReminderQueue reminders, Project project, CancellationToken cancellationToken)
    {
        var portalUsers = (await clients.PortalUsersAsync(project.ClientId, cancellationToken)).Where(u => u.Access == ClientAccessLevel.Full).ToList();
        var people = await users.FindManyAsync(portalUsers.Select(u => u.UserId), cancellationToken);
        var count = 0;
        foreach (var person in portalUsers.Select(u => people.GetValueOrDefault(u.UserId)).OfType<PortalUserInfo>().Where(p => !p.IsDisabled))
        {
            var payload = JsonSerializer.Serialize(new ProjectStatusPayload(project.Id, person.DisplayName));
            await reminders.QueueAsync(
                new ReminderRequest(ProjectStatusReminderKind.Name, person.Id, person.Email, $"{project.Name}: new status for {person.DisplayName}", payload, $"project-status:{project.Id}:{person.Id}"),
                cancellationToken);
            count++;
        }

        return count;
    }

    private async Task<Project?> FindProjectAsync(ProjectStatusPost post, CancellationToken cancellationToken)
    {
        if (post.ProjectId is { } id)
        {
            return await db.Projects.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        }

        var externalId = post.ProjectExternalId?.Trim();
        return string.IsNullOrEmpty(externalId) ? null : await db.Projects.FirstOrDefaultAsync(p => p.ExternalId == externalId, cancellationToken);
    }

    private async Task<(ProjectStatus? Status, PortalError? Error)> FindStatusAsync(ProjectStatusPost post, CancellationToken cancellationToken)
    {
        var status = post.StatusId is { } id ? await statuses.FindAsync(id, cancellationToken)
            : !string.IsNullOrWhiteSpace(post.StatusName) ? await statuses.FindByNameAsync(post.StatusName, cancellationToken)
            : null;
        if (status is null)
        {
            return (null, post.StatusId is null && string.IsNullOrWhiteSpace(post.StatusName) ? ProjectErrors.StatusRequired : ProjectErrors.StatusUnknown);
        }

        return status.IsRetired ? (null, ProjectErrors.StatusRetired(status.Name)) : (status, null);
    }
}
