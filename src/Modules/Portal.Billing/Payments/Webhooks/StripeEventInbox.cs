using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Core.Jobs;
using Portal.Core.Tenancy;
using Stripe;

namespace Portal.Billing.Payments.Webhooks;

/// <summary>
/// Where a verified event of this practice goes, from the webhook receiver and from reconciliation alike:
/// stored under its evt_ id (a duplicate is not stored again), then handed to <see cref="StripeEventJobHandler"/>
/// with a job id derived from the event, so queuing it again while the job exists queues nothing.
/// </summary>
public sealed class StripeEventInbox(BillingDbContext db, IJobQueue jobs, TenantContext tenant, TimeProvider clock)
{
    /// <summary>Stores and queues the event; false when it was already stored (queued again only while unprocessed).</summary>
    public async Task<bool> AcceptAsync(Event stripeEvent, string account, string payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stripeEvent);
        if (await IsStoredAsync(stripeEvent.Id, cancellationToken))
        {
            return false;
        }

        db.StripeEvents.Add(new StripeEvent
        {
            Id = stripeEvent.Id,
            Type = stripeEvent.Type ?? "",
            Account = account,
            Created = stripeEvent.Created.ToUniversalTime(),
            Payload = payload,
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same event arriving twice at once (Stripe's retry racing reconciliation): the first row stands.
            db.ChangeTracker.Clear();
            if (await IsStoredAsync(stripeEvent.Id, cancellationToken))
            {
                return false;
            }

            throw;
        }

        await EnqueueAsync(stripeEvent.Id, cancellationToken);
        return true;
    }

    /// <summary>Queues the processing of a stored event; a no-op while its job exists.</summary>
    public Task EnqueueAsync(string eventId, CancellationToken cancellationToken = default)
        => jobs.EnqueueAsync<StripeEventJobHandler, StripeEventJob>(new StripeEventJob(eventId), new EnqueueOptions { JobId = JobIdFor(tenant.Tenant.Name, eventId) }, cancellationToken);

    /// <summary>The one job id of an event in a practice: stable, so every enqueue of the event names the same job.</summary>
    public static Guid JobIdFor(string practice, string eventId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"stripe-event\n{practice}\n{eventId}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    private async Task<bool> IsStoredAsync(string eventId, CancellationToken cancellationToken)
    {
        var stored = await db.StripeEvents.AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.ProcessedAt }).FirstOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return false;
        }

        // Stored by a process that died before queuing it: queue it now (the job id makes this idempotent).
        if (stored.ProcessedAt is null)
        {
            await EnqueueAsync(eventId, cancellationToken);
        }

        return true;
    }
}
