using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Time;
using Portal.Projects.Data;
using Portal.Projects.Models;

namespace Portal.Projects.Services;

/// <summary>
/// The practice's list of project statuses: add, rename, mark as waiting on the client, reorder,
/// retire and restore. Names are unique in the whole list (retired ones too), so "the status called
/// Filed" means one thing to a recipe and to the sync API. Every change is audited.
/// </summary>
public sealed class ProjectStatusList(ProjectsDbContext db, IAuditLog audit, IPracticeClock clock)
{
    /// <summary>The list in its order; retired statuses last when <paramref name="includeRetired"/>.</summary>
    public async Task<IReadOnlyList<ProjectStatus>> ListAsync(bool includeRetired, CancellationToken cancellationToken = default)
    {
        var statuses = await db.Statuses.AsNoTracking()
            .Where(s => includeRetired || s.RetiredAt == null)
            .OrderBy(s => s.Position).ThenBy(s => s.Name)
            .ToListAsync(cancellationToken);
        return statuses.OrderBy(s => s.IsRetired).ToList();
    }

    public Task<ProjectStatus?> FindAsync(Guid id, CancellationToken cancellationToken = default)
        => db.Statuses.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>By name, ignoring case (the form the recipe and the sync API use).</summary>
    public async Task<ProjectStatus?> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        var wanted = name.Trim().ToLowerInvariant();
        return await db.Statuses.AsNoTracking().FirstOrDefaultAsync(s => s.Name.ToLower() == wanted, cancellationToken);
    }

    public async Task<(ProjectStatus? Status, PortalError? Error)> AddAsync(string? name, bool waitingOnClient, CancellationToken cancellationToken = default)
    {
        var (clean, error) = await CheckNameAsync(name, null, cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }

        var last = await db.Statuses.MaxAsync(s => (int?)s.Position, cancellationToken) ?? -1;
        var status = new ProjectStatus { Id = Guid.CreateVersion7(), Name = clean!, Position = last + 1, WaitingOnClient = waitingOnClient };
        db.Statuses.Add(status);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(ProjectAuditActions.StatusAdded, status, waitingOnClient ? "waiting on the client" : null, cancellationToken);
        return (status, null);
    }

    public async Task<PortalError?> UpdateAsync(Guid id, string? name, bool waitingOnClient, CancellationToken cancellationToken = default)
    {
        var status = await db.Statuses.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (status is null)
        {
            return ProjectErrors.StatusNotFound;
        }

        var (clean, error) = await CheckNameAsync(name, id, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (status.Name == clean && status.WaitingOnClient == waitingOnClient)
        {
            return null;
        }

        var details = status.Name == clean ? null : $"was \"{status.Name}\"";
        status.Name = clean!;
        status.WaitingOnClient = waitingOnClient;
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(ProjectAuditActions.StatusChanged, status, details ?? (waitingOnClient ? "now waiting on the client" : "no longer waiting on the client"), cancellationToken);
        return null;
    }

    /// <summary>Moves the status one place up (<paramref name="offset"/> -1) or down (+1) among all statuses.</summary>
    public async Task<PortalError?> MoveAsync(Guid id, int offset, CancellationToken cancellationToken = default)
    {
        var all = await db.Statuses.OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        var index = all.FindIndex(s => s.Id == id);
        if (index < 0)
        {
            return ProjectErrors.StatusNotFound;
        }

        var target = index + Math.Sign(offset);
        if (target < 0 || target >= all.Count)
        {
            return null;
        }

        (all[index], all[target]) = (all[target], all[index]);
        for (var i = 0; i < all.Count; i++)
        {
            all[i].Position = i;
        }

        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(ProjectAuditActions.StatusesReordered, all[target], string.Create(CultureInfo.InvariantCulture, $"now at place {target + 1}"), cancellationToken);
        return null;
    }

    /// <summary>Retires (or restores) a status: projects keep showing it, but it can no longer be set.</summary>
    public async Task<PortalError?> SetRetiredAsync(Guid id, bool retired, CancellationToken cancellationToken = default)
    {
        var status = await db.Statuses.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (status is null)
        {
            return ProjectErrors.StatusNotFound;
        }

        if (status.IsRetired == retired)
        {
            return null;
        }

        if (retired && !await db.Statuses.AnyAsync(s => s.Id != id && s.RetiredAt == null, cancellationToken))
        {
            return ProjectErrors.LastActiveStatus;
        }

        status.RetiredAt = retired ? clock.UtcNow : null;
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(retired ? ProjectAuditActions.StatusRetired : ProjectAuditActions.StatusRestored, status, null, cancellationToken);
        return null;
    }

    private async Task<(string? Name, PortalError? Error)> CheckNameAsync(string? name, Guid? except, CancellationToken cancellationToken)
    {
        var clean = name?.Trim() ?? "";
        if (clean.Length == 0)
        {
            return (null, ProjectErrors.StatusNameRequired);
        }

        if (clean.Length > ProjectStatus.NameMaxLength)
        {
            return (null, ProjectErrors.StatusNameTooLong);
        }

        var lower = clean.ToLowerInvariant();
        return await db.Statuses.AnyAsync(s => s.Id != except && s.Name.ToLower() == lower, cancellationToken)
            ? (null, ProjectErrors.StatusNameTaken(clean))
            : (clean, null);
    }

    private Task RecordAsync(string action, ProjectStatus status, string? details, CancellationToken cancellationToken)
        => audit.RecordAsync(new AuditEntry(action, ProjectAuditTargets.Status, status.Id.ToString(), details is null ? status.Name : $"{status.Name}: {details}"), cancellationToken);
}
