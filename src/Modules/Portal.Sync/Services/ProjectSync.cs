using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Clients.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Tenancy;
using Portal.Projects.Models;
using Portal.Projects.Services;
using Portal.Sync.Api;
using Portal.Sync.Data;
using Portal.Sync.Models;

namespace Portal.Sync.Services;

/// <summary>
/// Applies a projects batch through the Projects module's own services: made and changed by
/// <see cref="ProjectLibrary"/>, statuses and notes posted by <see cref="ProjectStatusPoster"/> (the
/// client told as when staff post), assignment notes posted once to the project's thread as messages
/// from the staff member. Each item is checked completely before it writes anything.
/// </summary>
internal sealed class ProjectSync(
    PracticeBatch unit,
    ProjectLibrary library,
    ProjectStatusPoster poster,
    ProjectStatusList statuses,
    ProjectAccess access,
    IProjectThreads threads,
    ClientStore clients,
    SyncStaff staff,
    SyncDbContext db,
    TenantContext tenantContext,
    IServiceProvider services,
    TimeProvider clock)
{
    private readonly Dictionary<string, ClaimsPrincipal?> _staff = new(StringComparer.OrdinalIgnoreCase);

    public async Task<SyncBatchResult> ApplyAsync(IReadOnlyList<ProjectItem?> items, ClaimsPrincipal approver, CancellationToken cancellationToken)
    {
        var results = new SyncItemResult[items.Count];
        var accepted = new List<(int Index, ProjectItem Item, string ExternalId, DateOnly? ExpectedOn)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var projectsOn = tenantContext.Tenant.IsFeatureEnabled(Portal.Projects.Manifest.Feature);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var idError = item is null ? SyncItemErrors.ExternalIdMissing() : SyncItemErrors.CheckExternalId(item.ExternalId);
            if (item is null || idError is not null)
            {
                results[i] = SyncItemResult.Failed(item?.ExternalId, idError!);
                continue;
            }

            var externalId = item.ExternalId!.Trim();
            if (!seen.Add(externalId))
            {
                results[i] = SyncItemResult.Failed(externalId, SyncItemErrors.Duplicate(externalId));
                continue;
            }

            if (!projectsOn)
            {
                results[i] = SyncItemResult.Failed(externalId, new SyncFieldError("externalId", SyncItemErrors.ProjectsOff, "Projects are not switched on for this practice."));
                continue;
            }

            DateOnly? expectedOn = null;
            if (!item.Deleted && !string.IsNullOrWhiteSpace(item.ExpectedOn))
            {
                if (!DateOnly.TryParseExact(item.ExpectedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    results[i] = SyncItemResult.Failed(externalId, new SyncFieldError("expectedOn", "project-expected-invalid", $"\"{item.ExpectedOn}\" is not a date written yyyy-MM-dd."));
                    continue;
                }

                expectedOn = parsed;
            }

            accepted.Add((i, item, externalId, expectedOn));
        }

        var projects = (await library.FindByExternalIdsAsync(accepted.Select(a => a.ExternalId).ToList(), cancellationToken))
            .ToDictionary(p => p.ExternalId!, StringComparer.Ordinal);
        var owners = (await clients.FindByExternalIdsAsync(accepted.Select(a => a.Item.ClientExternalId?.Trim()).OfType<string>().Distinct().ToList(), cancellationToken))
            .ToDictionary(c => c.ExternalId!, c => c.Id, StringComparer.Ordinal);
        var known = projects.Values.Select(p => p.Id).ToList();
        var latestNotes = await library.LatestNotesAsync(known, cancellationToken);
        var posted = (await db.AssignmentNotes.AsNoTracking().Where(n => known.Contains(n.ProjectId)).Select(n => new { n.ProjectId, n.NoteHash }).ToListAsync(cancellationToken))
            .Select(n => (n.ProjectId, n.NoteHash)).ToHashSet();
        var list = await statuses.ListAsync(includeRetired: true, cancellationToken);
        var batch = new ProjectBatch(projects, owners, latestNotes.ToDictionary(), posted, list, approver);
        var together = await CreateTogetherAsync(accepted, batch, cancellationToken);
        foreach (var (index, item, externalId, expectedOn) in accepted)
        {
            if (together.TryGetValue(index, out var made))
            {
                results[index] = made;
                continue;
            }

            results[index] = await SyncBatches.ItemAsync(unit, externalId, () => item.Deleted
                ? DeleteAsync(externalId, batch, cancellationToken)
                : UpsertAsync(item, externalId, expectedOn, batch, cancellationToken), cancellationToken);
        }

        return SyncBatchResult.Of(results);
    }

    /// <summary>
    /// The batch's new projects whose client, status, note and assignment notes are all good, made in
    /// groups with everything one by one gives them (<see cref="ProjectLibrary.CreateManyAsync"/>: folder,
    /// history, status note and assignment notes as messages, audit and events); their results by the
    /// item's index. Nothing else in a batch touches a new project (its external id appears once), so
    /// making them first changes no other item's result. A group that throws is undone, and it and the
    /// groups after it go one by one.
    /// </summary>
    private async Task<Dictionary<int, SyncItemResult>> CreateTogetherAsync(
        List<(int Index, ProjectItem Item, string ExternalId, DateOnly? ExpectedOn)> accepted, ProjectBatch batch, CancellationToken cancellationToken)
    {
        // One by one, a status note is posted as the approver, who must be staff who manage projects (the
        // same for every client); if they may not, the notes' projects are made and their notes refused,
        // so nothing is made together (a folder's " (2)" would go to another item).
        var firstNoted = accepted.FirstOrDefault(a => !a.Item.Deleted && !string.IsNullOrWhiteSpace(a.Item.Note) && batch.Owners.ContainsKey(a.Item.ClientExternalId?.Trim() ?? ""));
        if (firstNoted.Item is not null
            && await access.ForClientAsync(batch.Approver, batch.Owners[firstNoted.Item.ClientExternalId!.Trim()], cancellationToken) is not { IsStaff: true, CanManage: true })
        {
            return new();
        }

        var rows = new List<TogetherRow>();
        foreach (var (index, item, externalId, expectedOn) in accepted)
        {
            if (item.Deleted || batch.Projects.ContainsKey(externalId) || !batch.Owners.TryGetValue(item.ClientExternalId?.Trim() ?? "", out var clientId)
                || batch.Statuses.FirstOrDefault(s => string.Equals(s.Name, item.Status?.Trim(), StringComparison.OrdinalIgnoreCase)) is not { IsRetired: false } status)
            {
                continue;
            }

            var note = string.IsNullOrWhiteSpace(item.Note) ? null : item.Note.Trim();
            var errors = new List<SyncFieldError>();
            var notes = (await AssignmentNotesAsync(item.Assignments ?? [], errors)).DistinctBy(n => n.Hash).ToList();
            if (errors.Count > 0 || note is { Length: > ProjectStatusChange.NoteMaxLength })
            {
                continue;
            }

            var input = new ProjectInput(item.Name, status.Id, expectedOn, externalId);
            rows.Add(new(index, externalId, new NewProject(clientId, input, note, [.. notes.Select(n => (n.Author, n.Note))]), notes, note));
        }

        var results = new Dictionary<int, SyncItemResult>();
        if (rows.Count < 2)
        {
            return results;
        }

        foreach (var group in rows.Chunk(PracticeBatch.ItemsPerCommit))
        {
            if (await unit.TogetherAsync(() => CreateGroupAsync(group, batch.Approver, cancellationToken), _ => true, group.Length, cancellationToken) is not { } made)
            {
                break;
            }

            foreach (var ((index, externalId, _, notes, note), (project, error)) in group.Zip(made))
            {
                if (project is null)
                {
                    results[index] = SyncItemResult.Failed(externalId, Field(error!));
                    continue;
                }

                batch.Projects[externalId] = project;
                batch.LatestNotes[project.Id] = note;
                batch.Posted.UnionWith(notes.Select(n => (project.Id, n.Hash)));
                results[index] = new SyncItemResult(externalId, SyncItemStatus.Created) { Id = project.Id };
            }
        }

        return results;
    }

    private async Task<IReadOnlyList<(Project? Project, PortalError? Error)>> CreateGroupAsync(TogetherRow[] group, ClaimsPrincipal approver, CancellationToken cancellationToken)
    {
        var made = await library.CreateManyAsync([.. group.Select(r => r.Project)], approver, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (row, (project, _)) in group.Zip(made))
        {
            if (project is not null)
            {
                db.AssignmentNotes.AddRange(row.Notes.Select(n => new SyncedAssignmentNote { ProjectId = project.Id, NoteHash = n.Hash, PostedAt = now }));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return made;
    }

    /// <summary>
    /// A tombstone: the project stays for the client with its history and files, but is no longer the
    /// program's (its external id is released); sending it again makes a new project.
    /// </summary>
    private async Task<SyncItemResult> DeleteAsync(string externalId, ProjectBatch batch, CancellationToken cancellationToken)
    {
        if (!batch.Projects.Remove(externalId, out var project))
        {
            return new SyncItemResult(externalId, SyncItemStatus.Unchanged);
        }

        var error = await library.UpdateAsync(project.Id, new ProjectInput(project.Name, null, project.ExpectedOn, null), cancellationToken);
        return error is null
            ? new SyncItemResult(externalId, SyncItemStatus.Deleted) { Id = project.Id }
            : SyncItemResult.Failed(externalId, Field(error));
    }

    private async Task<SyncItemResult> UpsertAsync(ProjectItem item, string externalId, DateOnly? expectedOn, ProjectBatch batch, CancellationToken cancellationToken)
    {
        batch.Projects.TryGetValue(externalId, out var project);
        if (!batch.Owners.TryGetValue(item.ClientExternalId?.Trim() ?? "", out var clientId))
        {
            return SyncItemResult.Failed(externalId, SyncItemErrors.UnknownClient(item.ClientExternalId));
        }

        var status = string.IsNullOrWhiteSpace(item.Status) ? null : batch.Statuses.FirstOrDefault(s => string.Equals(s.Name, item.Status.Trim(), StringComparison.OrdinalIgnoreCase));
        var statusError = string.IsNullOrWhiteSpace(item.Status) ? ProjectErrors.StatusRequired
            : status is null ? ProjectErrors.StatusUnknown
            : status.IsRetired && status.Id != project?.StatusId ? ProjectErrors.StatusRetired(status.Name)
            : null;
        var note = string.IsNullOrWhiteSpace(item.Note) ? null : item.Note.Trim();
        var errors = new List<SyncFieldError>();
        if (statusError is not null)
        {
            errors.Add(Field(statusError));
        }

        if (note is { Length: > ProjectStatusChange.NoteMaxLength })
        {
            errors.Add(Field(ProjectErrors.NoteTooLong));
        }

        var notes = await AssignmentNotesAsync(item.Assignments ?? [], errors);
        if (errors.Count > 0)
        {
            return SyncItemResult.Failed(externalId, [.. errors]);
        }

        var created = project is null;
        var changed = false;
        if (project is null)
        {
            var (made, error) = await library.CreateAsync(clientId, new ProjectInput(item.Name, status!.Id, expectedOn, externalId), batch.Approver, cancellationToken);
            if (made is null)
            {
                return SyncItemResult.Failed(externalId, Field(error!));
            }

            project = made;
            batch.Projects[externalId] = made;
            if (note is not null && await PostAsync(project, status, note, email: false, batch, cancellationToken) is { } noteError)
            {
                return SyncItemResult.Failed(externalId, Field(noteError)) with { Id = project.Id };
            }
        }
        else
        {
            if (project.Name != item.Name?.Trim() || project.ExpectedOn != expectedOn)
            {
                if (await library.UpdateAsync(project.Id, new ProjectInput(item.Name, null, expectedOn, externalId), cancellationToken) is { } error)
                {
                    return SyncItemResult.Failed(externalId, Field(error)) with { Id = project.Id };
                }

                changed = true;
            }

            var newNote = note is not null && note != batch.LatestNotes.GetValueOrDefault(project.Id) ? note : null;
            if (project.StatusId != status!.Id || newNote is not null)
            {
                if (await PostAsync(project, status, newNote, email: project.StatusId != status.Id, batch, cancellationToken) is { } error)
                {
                    return SyncItemResult.Failed(externalId, Field(error)) with { Id = project.Id };
                }

                changed = true;
            }
        }

        changed |= await PostAssignmentNotesAsync(project, notes, batch, cancellationToken);
        return new SyncItemResult(externalId, created ? SyncItemStatus.Created : changed ? SyncItemStatus.Updated : SyncItemStatus.Unchanged) { Id = project.Id };
    }

    /// <summary>The status post, as staff make it: the note as a message when messages are on, the client e-mailed on a new status.</summary>
    private async Task<PortalError?> PostAsync(Project project, ProjectStatus status, string? note, bool email, ProjectBatch batch, CancellationToken cancellationToken)
    {
        var canEmail = email && services.GetService<IReminderQueue>() is not null;
        var result = await poster.PostAsync(
            new ProjectStatusPost(project.Id, null, status.Id, null, note, PostNoteAsMessage: note is not null && threads.IsAvailable, EmailClient: canEmail),
            batch.Approver,
            cancellationToken);
        if (result.Succeeded)
        {
            batch.LatestNotes[project.Id] = note;
        }

        return result.Error;
    }

    /// <summary>The assignments that carry a note, with their staff member; a problem per unknown one.</summary>
    private async Task<List<(ClaimsPrincipal Author, string Note, string Hash)>> AssignmentNotesAsync(IReadOnlyList<ProjectAssignment?> assignments, List<SyncFieldError> errors)
    {
        var notes = new List<(ClaimsPrincipal, string, string)>();
        for (var k = 0; k < assignments.Count; k++)
        {
            var note = assignments[k]?.Note?.Trim();
            if (string.IsNullOrEmpty(note))
            {
                continue;
            }

            var email = assignments[k]!.StaffEmail?.Trim() ?? "";
            if (!_staff.TryGetValue(email, out var author))
            {
                author = email.Length == 0 ? null : await staff.ByEmailAsync(email);
                _staff[email] = author;
            }

            if (author is null)
            {
                errors.Add(new($"assignments[{k}].staffEmail", SyncItemErrors.StaffNotFound, $"\"{email}\" is not a staff member of the practice who can sign in."));
            }
            else if (!threads.IsAvailable)
            {
                errors.Add(new($"assignments[{k}].note", ProjectErrors.MessagesOff.Code, ProjectErrors.MessagesOff.Message));
            }
            else if (note.Length > ProjectStatusChange.NoteMaxLength)
            {
                errors.Add(new($"assignments[{k}].note", ProjectErrors.NoteTooLong.Code, ProjectErrors.NoteTooLong.Message));
            }
            else
            {
                notes.Add((author, note, Hash(email, note)));
            }
        }

        return notes;
    }

    private async Task<bool> PostAssignmentNotesAsync(Project project, List<(ClaimsPrincipal Author, string Note, string Hash)> notes, ProjectBatch batch, CancellationToken cancellationToken)
    {
        var posted = false;
        foreach (var (author, note, hash) in notes)
        {
            if (!batch.Posted.Add((project.Id, hash)))
            {
                continue;
            }

            await threads.PostNoteAsync(project, author, note, cancellationToken);
            db.AssignmentNotes.Add(new SyncedAssignmentNote { ProjectId = project.Id, NoteHash = hash, PostedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            posted = true;
        }

        return posted;
    }

    private static string Hash(string email, string note)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant() + "\n" + note)));

    /// <summary>A Projects refusal at the API's field name.</summary>
    private static SyncFieldError Field(PortalError error) => new(
        error.Field switch
        {
            ProjectErrors.NameField => "name",
            ProjectErrors.StatusField or "EmailClient" => "status",
            ProjectErrors.ExpectedOnField => "expectedOn",
            ProjectErrors.NoteField => "note",
            ProjectErrors.ClientField => "clientExternalId",
            _ => "externalId",
        },
        error.Code,
        error.Message);

    /// <summary>A new project made together: its item, what the library makes of it, the assignment notes (with their hashes) and the status note.</summary>
    private sealed record TogetherRow(int Index, string ExternalId, NewProject Project, List<(ClaimsPrincipal Author, string Note, string Hash)> Notes, string? Note);

    private sealed record ProjectBatch(
        Dictionary<string, Project> Projects,
        Dictionary<string, Guid> Owners,
        Dictionary<Guid, string?> LatestNotes,
        HashSet<(Guid ProjectId, string NoteHash)> Posted,
        IReadOnlyList<ProjectStatus> Statuses,
        ClaimsPrincipal Approver);
}
