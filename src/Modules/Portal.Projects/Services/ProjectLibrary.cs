using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Events;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Projects.Data;
using Portal.Projects.Models;

namespace Portal.Projects.Services;

/// <summary>
/// Projects: made with a folder of their own in the client's documents, changed, listed. Input is
/// checked completely before anything is written, so a refused form leaves neither a project nor a
/// folder behind. A past expected date is accepted: an overdue project is real, and the lists show it
/// as overdue rather than pretending it is not.
/// </summary>
public sealed class ProjectLibrary(
    ProjectsDbContext db,
    ProjectStatusList statuses,
    IClientFolders folders,
    IClientDirectory clients,
    IProjectThreads threads,
    IAuditLog audit,
    IDomainEventPublisher events,
    IPracticeClock clock)
{
    /// <summary>How far ahead an expected date may be: further is a typo (2062 for 2026).</summary>
    public const int MaxYearsAhead = 10;

    public Task<Project?> FindAsync(Guid id, CancellationToken cancellationToken = default)
        => db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public Task<Project?> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken = default)
        => db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.ExternalId == externalId.Trim(), cancellationToken);

    /// <summary>The projects holding these external ids, in one query (the sync API compares before it writes).</summary>
    public async Task<IReadOnlyList<Project>> FindByExternalIdsAsync(IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken = default)
    {
        var ids = externalIds.ToList();
        return ids.Count == 0 ? [] : await db.Projects.AsNoTracking().Where(p => p.ExternalId != null && ids.Contains(p.ExternalId)).ToListAsync(cancellationToken);
    }

    /// <summary>The note of each project's latest status post (null when it had none), in one query.</summary>
    public async Task<IReadOnlyDictionary<Guid, string?>> LatestNotesAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken cancellationToken = default)
    {
        var ids = projectIds.ToList();
        var changes = ids.Count == 0 ? [] : await db.StatusChanges.AsNoTracking().Where(c => ids.Contains(c.ProjectId))
            .Select(c => new { c.ProjectId, c.At, c.Id, c.Note }).ToListAsync(cancellationToken);
        return changes.GroupBy(c => c.ProjectId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).First().Note);
    }

    /// <summary>A client's projects, most recently changed first.</summary>
    public async Task<IReadOnlyList<Project>> ForClientsAsync(IReadOnlyCollection<Guid> clientIds, CancellationToken cancellationToken = default)
        => await db.Projects.AsNoTracking()
            .Where(p => clientIds.Contains(p.ClientId))
            .OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .ToListAsync(cancellationToken);

    public Task<int> CountForClientAsync(Guid clientId, CancellationToken cancellationToken = default)
        => db.Projects.CountAsync(p => p.ClientId == clientId, cancellationToken);

    /// <summary>All projects, filtered, most recently changed first, a page at a time (served by the (status,) updated, id indexes).</summary>
    public async Task<ListPage<Project>> ListAsync(ProjectFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = db.Projects.AsNoTracking();
        if (filter.StatusId is { } status)
        {
            query = query.Where(p => p.StatusId == status);
        }

        if (filter.ClientId is { } client)
        {
            query = query.Where(p => p.ClientId == client);
        }

        var total = await query.CountAsync(cancellationToken);
        page = ListPage.Clamp(page, total, pageSize);
        var items = await query.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new ListPage<Project>(items, total, page, pageSize);
    }

    /// <summary>The project's status history, newest first.</summary>
    public async Task<IReadOnlyList<ProjectStatusChange>> HistoryAsync(Guid projectId, CancellationToken cancellationToken = default)
        => await db.StatusChanges.AsNoTracking()
            .Where(c => c.ProjectId == projectId)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);

    public Task<(Project? Project, PortalError? Error)> CreateAsync(Guid clientId, ProjectInput input, ClaimsPrincipal by, CancellationToken cancellationToken = default)
        => CreateAsync(clientId, input, by, null, null, cancellationToken);

    /// <param name="folder">One of the client's folders to hold the project's files (a recipe's existing folder); null makes a new one named after the project.</param>
    /// <param name="note">A note on the first status (a recipe's).</param>
    internal async Task<(Project? Project, PortalError? Error)> CreateAsync(Guid clientId, ProjectInput input, ClaimsPrincipal by, ClientFolder? folder, string? note, CancellationToken cancellationToken)
    {
        var client = await clients.FindAsync(clientId, cancellationToken);
        if (client is null)
        {
            return (null, ProjectErrors.ClientNotFound);
        }

        var (name, externalId, error) = await CheckAsync(input, null, cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }

        if (input.StatusId is not { } statusId)
        {
            return (null, ProjectErrors.StatusRequired);
        }

        var status = await statuses.FindAsync(statusId, cancellationToken);
        if (status is null)
        {
            return (null, ProjectErrors.StatusUnknown);
        }

        if (status.IsRetired)
        {
            return (null, ProjectErrors.StatusRetired(status.Name));
        }

        // The folder is Documents' (its own transaction); it is made only once the input is known to be good.
        folder ??= await folders.CreateAsync(clientId, name!, clientCanUpload: true, by, cancellationToken);
        var now = clock.UtcNow;
        var project = new Project
        {
            Id = Guid.CreateVersion7(),
            ClientId = clientId,
            Name = name!,
            FolderId = folder.Id,
            StatusId = status.Id,
            ExpectedOn = input.ExpectedOn,
            ExternalId = externalId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Projects.Add(project);
        var change = StatusChange(project.Id, by, null, status, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), now);
        db.StatusChanges.Add(change);
        events.Publish(db, new ProjectStatusChanged(project.Id, clientId, externalId, null, status.Id, status.Name, change.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(ProjectAuditActions.Created, ProjectAuditTargets.Project, project.Id.ToString(), $"{project.Name} for {client.Name}, status {status.Name}"), cancellationToken);
        return (project, null);
    }

    /// <summary>
    /// Many new projects in one save (a sync batch's): each checked as <see cref="CreateAsync(Guid, ProjectInput, ClaimsPrincipal, CancellationToken)"/> checks it
    /// (a refused one gets its error and writes nothing), made with its folder and first status, then,
    /// as the sync API posts them one by one, its status note posted on that status (a second history
    /// line, a microsecond later, the note as a message when messages are on) and its thread notes
    /// posted after it. Audit entries and events are those one by one would write. The status is the
    /// caller's, found by name in the list it read.
    /// </summary>
    public async Task<IReadOnlyList<(Project? Project, PortalError? Error)>> CreateManyAsync(IReadOnlyList<NewProject> rows, ClaimsPrincipal by, CancellationToken cancellationToken = default)
    {
        var owners = await clients.FindManyAsync(rows.Select(r => r.ClientId), cancellationToken);
        var externalIds = rows.Select(r => r.Input.ExternalId?.Trim()).OfType<string>().Where(e => e.Length > 0).ToList();
        var taken = externalIds.Count == 0 ? [] : (await db.Projects.AsNoTracking().Where(p => p.ExternalId != null && externalIds.Contains(p.ExternalId))
            .Select(p => p.ExternalId!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var known = (await statuses.ListAsync(includeRetired: true, cancellationToken)).ToDictionary(s => s.Id);
        var today = await clock.TodayAsync(cancellationToken);
        var results = new (Project? Project, PortalError? Error)[rows.Count];
        var valid = new List<(int Index, NewProject Row, string Name, string? ExternalId, ProjectStatus Status, string? Note)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var (name, externalId, formError) = CheckForm(row.Input, today);
            var note = string.IsNullOrWhiteSpace(row.StatusNote) ? null : row.StatusNote.Trim();
            var error = !owners.ContainsKey(row.ClientId) ? ProjectErrors.ClientNotFound
                : formError is not null ? formError
                : externalId is not null && !taken.Add(externalId) ? ProjectErrors.ExternalIdTaken(externalId)
                : row.Input.StatusId is not { } statusId ? ProjectErrors.StatusRequired
                : !known.TryGetValue(statusId, out var found) ? ProjectErrors.StatusUnknown
                : found.IsRetired ? ProjectErrors.StatusRetired(found.Name)
                : note is { Length: > ProjectStatusChange.NoteMaxLength } ? ProjectErrors.NoteTooLong
                : row.ThreadNotes.Count > 0 && !threads.IsAvailable ? ProjectErrors.MessagesOff
                : null;
            if (error is not null)
            {
                results[i] = (null, error);
                continue;
            }

            valid.Add((i, row, name!, externalId, known[row.Input.StatusId!.Value], note));
        }

        if (valid.Count == 0)
        {
            return results;
        }

        var made = await folders.CreateManyAsync([.. valid.Select(v => (v.Row.ClientId, v.Name))], clientCanUpload: true, by, cancellationToken);
        var start = clock.UtcNow;
        var position = 0;
        var notes = new List<(Project Project, ClaimsPrincipal Author, string Note)>();
        var audits = new List<AuditEntry>();
        foreach (var ((index, row, name, externalId, status, note), folder) in valid.Zip(made))
        {
            // Two microseconds a project, the note's line one after its project's: lists and "latest note"
            // order them as one by one would have.
            var now = start.AddMicroseconds(2 * position++);
            var posted = now.AddMicroseconds(1);
            var project = new Project
            {
                Id = Guid.CreateVersion7(),
                ClientId = row.ClientId,
                Name = name,
                FolderId = folder.Id,
                StatusId = status.Id,
                ExpectedOn = row.Input.ExpectedOn,
                ExternalId = externalId,
                CreatedAt = now,
                UpdatedAt = note is null ? now : posted,
            };
            db.Projects.Add(project);
            var created = StatusChange(project.Id, by, null, status, null, now);
            db.StatusChanges.Add(created);
            events.Publish(db, new ProjectStatusChanged(project.Id, row.ClientId, externalId, null, status.Id, status.Name, created.Id, now));
            audits.Add(new AuditEntry(ProjectAuditActions.Created, ProjectAuditTargets.Project, project.Id.ToString(), $"{project.Name} for {owners[row.ClientId].Name}, status {status.Name}"));
            if (note is not null)
            {
                var change = StatusChange(project.Id, by, status, status, note, posted);
                change.PostedAsMessage = threads.IsAvailable;
                db.StatusChanges.Add(change);
                events.Publish(db, new ProjectStatusChanged(project.Id, row.ClientId, externalId, status.Id, status.Id, status.Name, change.Id, posted));
                audits.Add(new AuditEntry(ProjectAuditActions.StatusPosted, ProjectAuditTargets.Project, project.Id.ToString(), $"{status.Name} → {status.Name}"));
                if (change.PostedAsMessage)
                {
                    notes.Add((project, by, note));
                }
            }

            notes.AddRange(row.ThreadNotes.Select(n => (project, n.Author, n.Note)));
            results[index] = (project, null);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var entry in audits)
        {
            await audit.RecordAsync(entry, cancellationToken);
        }

        if (notes.Count > 0)
        {
            await threads.PostNotesAsync(notes, cancellationToken);
        }

        return results;
    }

    /// <summary>A line of a project's status history, <paramref name="by"/> a staff member or, signed in as nobody, the recipe.</summary>
    internal static ProjectStatusChange StatusChange(Guid projectId, ClaimsPrincipal by, ProjectStatus? from, ProjectStatus to, string? note, DateTime at) => new()
    {
        Id = Guid.CreateVersion7(),
        ProjectId = projectId,
        At = at,
        ByUserId = by.IdOf(),
        ByName = Clip(by.Identity?.IsAuthenticated == true ? by.DisplayNameOf() : "Recipe", ProjectStatusChange.ByNameMaxLength),
        FromStatusId = from?.Id,
        FromName = from?.Name,
        ToStatusId = to.Id,
        ToName = to.Name,
        Note = note,
    };

    /// <summary>Changes name, expected date and external id (the status changes through <see cref="ProjectStatusPoster"/>, which keeps history).</summary>
    public async Task<PortalError?> UpdateAsync(Guid projectId, ProjectInput input, CancellationToken cancellationToken = default)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return ProjectErrors.ProjectNotFound;
        }

        var (name, externalId, error) = await CheckAsync(input, projectId, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var changes = new List<string>();
        if (project.Name != name)
        {
            changes.Add($"name was \"{project.Name}\"");
        }

        if (project.ExpectedOn != input.ExpectedOn)
        {
            changes.Add($"expected {(input.ExpectedOn is { } on ? on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "no date")}");
        }

        if (project.ExternalId != externalId)
        {
            changes.Add($"external ID {externalId ?? "removed"}");
        }

        if (changes.Count == 0)
        {
            return null;
        }

        project.Name = name!;
        project.ExpectedOn = input.ExpectedOn;
        project.ExternalId = externalId;
        project.UpdatedAt = clock.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry(ProjectAuditActions.Changed, ProjectAuditTargets.Project, project.Id.ToString(), string.Join("; ", changes)), cancellationToken);
        return null;
    }

    private async Task<(string? Name, string? ExternalId, PortalError? Error)> CheckAsync(ProjectInput input, Guid? projectId, CancellationToken cancellationToken)
    {
        var (name, externalId, error) = CheckForm(input, await clock.TodayAsync(cancellationToken));
        if (error is null && externalId is not null && await db.Projects.AnyAsync(p => p.ExternalId == externalId && p.Id != projectId, cancellationToken))
        {
            return (null, null, ProjectErrors.ExternalIdTaken(externalId));
        }

        return (name, externalId, error);
    }

    /// <summary>The checks that need no other row: name, expected date, external id's length.</summary>
    private static (string? Name, string? ExternalId, PortalError? Error) CheckForm(ProjectInput input, DateOnly today)
    {
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            return (null, null, ProjectErrors.NameRequired);
        }

        if (name.Length > Project.NameMaxLength)
        {
            return (null, null, ProjectErrors.NameTooLong);
        }

        if (input.ExpectedOn is { } expected && expected > today.AddYears(MaxYearsAhead))
        {
            return (null, null, ProjectErrors.ExpectedOnTooFar);
        }

        var externalId = string.IsNullOrWhiteSpace(input.ExternalId) ? null : input.ExternalId.Trim();
        if (externalId is { Length: > Project.ExternalIdMaxLength })
        {
            return (null, null, ProjectErrors.ExternalIdTooLong);
        }

        return (name, externalId, null);
    }

    internal static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
