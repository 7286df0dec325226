using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Data;
using Portal.Audit.Models;
using Portal.Audit.Services;
using Portal.Core.Contracts;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Audit;

/// <summary>Writing and reading a practice's trail from tests, including behind the audit log's back.</summary>
internal static class AuditTestData
{
    /// <summary>Text as a person reads it: runs of white space (from the markup's layout) as one space.</summary>
    public static string Text(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string UniqueAction(string prefix = "test") => $"{prefix}.{Guid.NewGuid():N}"[..30];

    public static Task RecordAsync(this PortalApplication app, TenantDescriptor practice, AuditEntry entry)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<IAuditLog>().RecordAsync(entry));

    public static async Task RecordManyAsync(this PortalApplication app, TenantDescriptor practice, int count, Func<int, AuditEntry> entry)
    {
        for (var i = 0; i < count; i++)
        {
            await app.RecordAsync(practice, entry(i));
        }
    }

    /// <summary>
    /// Appends <paramref name="count"/> correctly chained events in one transaction: thousands of events
    /// in a second, where the audit log would take one transaction each. Nothing else may append meanwhile.
    /// </summary>
    public static Task SeedChainAsync(this PortalApplication app, TenantDescriptor practice, int count, string action)
        => app.InPracticeAsync(practice, async sp =>
        {
            var db = sp.GetRequiredService<AuditDbContext>();
            var last = await db.Events.OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync();
            var sequence = last?.Sequence ?? 0;
            var previous = last?.Hash ?? AuditHash.Genesis;
            var at = AuditHash.Truncate(DateTime.UtcNow);
            for (var i = 0; i < count; i++)
            {
                var audit = new AuditEvent
                {
                    Sequence = ++sequence,
                    OccurredAt = at,
                    Action = action,
                    ActorName = $"seed-{i}@tests.example",
                    Details = $"seeded {i}",
                    PreviousHash = previous,
                };
                audit.Hash = AuditHash.Compute(audit);
                previous = audit.Hash;
                db.Events.Add(audit);
            }

            await db.SaveChangesAsync();
        });

    public static Task<List<AuditEvent>> EventsAsync(this PortalApplication app, TenantDescriptor practice, string? action = null)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<AuditDbContext>().Events.AsNoTracking()
            .Where(e => action == null || e.Action == action)
            .OrderBy(e => e.Sequence)
            .ToListAsync());

    public static Task<AuditVerification> VerifyAsync(this PortalApplication app, TenantDescriptor practice)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());

    public static Task ChangeAsync(this PortalApplication app, TenantDescriptor practice, Func<AuditDbContext, Task> change)
        => app.InPracticeAsync(practice, sp => change(sp.GetRequiredService<AuditDbContext>()));
}
