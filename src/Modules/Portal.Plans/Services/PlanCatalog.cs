using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Plans.Data;
using Portal.Plans.Models;

namespace Portal.Plans.Services;

/// <summary>
/// The operator's plans (host admin): create, change, assign to a practice. Every change is recorded in
/// <c>PlanChanges</c> with the operator and what the plan said after it. Problems are keyed by the
/// <see cref="PlanInput"/> property they concern, so the page shows each at its field.
/// </summary>
public sealed class PlanCatalog(PlansDbContext db, TimeProvider clock)
{
    public Task<List<Plan>> ListAsync(CancellationToken cancellationToken = default)
        => db.Plans.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);

    public Task<Plan?> FindAsync(Guid id, CancellationToken cancellationToken = default)
        => db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>How many practices have each plan.</summary>
    public async Task<Dictionary<Guid, int>> PracticeCountsAsync(CancellationToken cancellationToken = default)
        => await db.PracticePlans.AsNoTracking().GroupBy(a => a.PlanId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    public async Task<Plan?> PlanOfAsync(Guid practiceId, CancellationToken cancellationToken = default)
        => await db.PracticePlans.AsNoTracking().Where(a => a.TenantId == practiceId)
            .Join(db.Plans.AsNoTracking(), a => a.PlanId, p => p.Id, (_, p) => p)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<PlanSaveResult> SaveAsync(Guid? id, PlanInput input, Guid? operatorId, CancellationToken cancellationToken = default)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = (input.Name ?? "").Trim();
        if (name.Length == 0)
        {
            problems[nameof(PlanInput.Name)] = "Enter the plan's name.";
        }
        else if (name.Length > Plan.NameMaxLength)
        {
            problems[nameof(PlanInput.Name)] = $"Keep the name to {Plan.NameMaxLength} characters.";
        }
        else
        {
            var lower = name.ToLowerInvariant();
            if (await db.Plans.AnyAsync(p => p.Id != id && p.Name.ToLower() == lower, cancellationToken))
            {
                problems[nameof(PlanInput.Name)] = $"A plan named {name} exists already. Choose another name.";
            }
        }

        var requests = Limit(input.PaymentRequestsPerMonth, nameof(PlanInput.PaymentRequestsPerMonth), "secure payment requests a month", PlanInput.MaxPaymentRequestsPerMonth, 0, problems);
        var storage = Limit(input.StorageGigabytes, nameof(PlanInput.StorageGigabytes), "storage in GB", PlanInput.MaxStorageGigabytes, 1, problems);
        var seats = Limit(input.StaffSeats, nameof(PlanInput.StaffSeats), "staff seats", PlanInput.MaxStaffSeats, 1, problems);
        if (problems.Count > 0)
        {
            return new PlanSaveResult(null, problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Plan? plan;
        if (id is { } existing)
        {
            plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == existing, cancellationToken);
            if (plan is null)
            {
                return new PlanSaveResult(null, new Dictionary<string, string> { [""] = "This plan no longer exists." });
            }
        }
        else
        {
            plan = new Plan { Id = Guid.NewGuid(), CreatedAt = now };
            db.Plans.Add(plan);
        }

        plan.Name = name;
        plan.PaymentRequestsPerMonth = requests;
        plan.StorageGigabytes = storage;
        plan.StaffSeats = seats;
        plan.UpdatedAt = now;
        db.PlanChanges.Add(Change(id is null ? PlanAuditActions.Created : PlanAuditActions.Updated, operatorId, plan.Id, null, Describe(plan), now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two operators saving the same name at once: the unique index decided.
            db.ChangeTracker.Clear();
            if (!await db.Plans.AnyAsync(p => p.Name == name, cancellationToken))
            {
                throw;
            }

            return new PlanSaveResult(null, new Dictionary<string, string> { [nameof(PlanInput.Name)] = $"A plan named {name} exists already. Choose another name." });
        }

        return new PlanSaveResult(plan, problems);
    }

    /// <summary>Gives the practice the plan, or takes its plan away (null: back to the free allowance). Returns a problem, or null.</summary>
    public async Task<string?> AssignAsync(Guid practiceId, string practiceName, Guid? planId, Guid? operatorId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var current = await db.PracticePlans.FirstOrDefaultAsync(a => a.TenantId == practiceId, cancellationToken);
        if (planId is not { } wanted)
        {
            if (current is not null)
            {
                db.PracticePlans.Remove(current);
                db.PlanChanges.Add(Change(PlanAuditActions.Unassigned, operatorId, current.PlanId, practiceId, $"{practiceName}: no plan (free allowance)", now));
                await db.SaveChangesAsync(cancellationToken);
            }

            return null;
        }

        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == wanted, cancellationToken);
        if (plan is null)
        {
            return "Choose one of the plans listed.";
        }

        if (current is null)
        {
            db.PracticePlans.Add(new PracticePlan { TenantId = practiceId, PlanId = plan.Id, AssignedAt = now, AssignedBy = operatorId });
        }
        else
        {
            current.PlanId = plan.Id;
            current.AssignedAt = now;
            current.AssignedBy = operatorId;
        }

        db.PlanChanges.Add(Change(PlanAuditActions.Assigned, operatorId, plan.Id, practiceId, $"{practiceName}: {Describe(plan)}", now));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public Task<List<PlanChange>> ChangesAsync(Guid planId, CancellationToken cancellationToken = default)
        => db.PlanChanges.AsNoTracking().Where(c => c.PlanId == planId).OrderByDescending(c => c.At).Take(50).ToListAsync(cancellationToken);

    public static string Describe(Plan plan)
    {
        var requests = plan.PaymentRequestsPerMonth is { } r ? r.ToString("N0", CultureInfo.InvariantCulture) : "unlimited";
        var storage = plan.StorageGigabytes is { } s ? s.ToString("N0", CultureInfo.InvariantCulture) + " GB" : "platform default";
        var seats = plan.StaffSeats is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "unlimited";
        var text = $"{plan.Name}: payment requests a month {requests}, storage {storage}, staff seats {seats}";
        return text.Length <= PlanChange.DetailMaxLength ? text : text[..PlanChange.DetailMaxLength];
    }

    private static int? Limit(string? text, string field, string what, int max, int min, Dictionary<string, string> problems)
    {
        var value = (text ?? "").Trim();
        if (value.Length == 0)
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            problems[field] = $"Enter the {what} as a whole number from {min} to {max.ToString("N0", CultureInfo.InvariantCulture)}, or leave it empty for unlimited.";
            return null;
        }

        return number;
    }

    private static PlanChange Change(string action, Guid? operatorId, Guid? planId, Guid? practiceId, string detail, DateTime at)
        => new() { Id = Guid.NewGuid(), At = at, OperatorId = operatorId, Action = action, PlanId = planId, TenantId = practiceId, Detail = detail };
}

/// <param name="Plan">The saved plan; null when refused.</param>
/// <param name="Problems">By <see cref="PlanInput"/> property name ("" for the whole form).</param>
public sealed record PlanSaveResult(Plan? Plan, IReadOnlyDictionary<string, string> Problems)
{
    public bool Succeeded => Plan is not null;
}
