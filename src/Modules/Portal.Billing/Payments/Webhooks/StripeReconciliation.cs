using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Billing.Data;
using Stripe;

namespace Portal.Billing.Payments.Webhooks;

/// <summary>
/// Finds what the webhook missed: lists the recent events of the practice's connected account on Stripe and
/// hands those not stored to <see cref="StripeEventInbox"/> (the receiver's path), then queues again the
/// stored events that were never processed (a process that died between storing and queuing).
/// </summary>
public sealed class StripeReconciliation(
    BillingDbContext db,
    StripeGateway stripe,
    PayoutAccounts accounts,
    StripeEventInbox inbox,
    IOptions<StripeOptions> options,
    TimeProvider clock,
    ILogger<StripeReconciliation> logger)
{
    private const int PageSize = 100;
    private const int SweepBatch = 500;

    public async Task<ReconciliationRun> RunAsync(CancellationToken cancellationToken = default)
    {
        if (!stripe.IsConfigured || await accounts.FindAsync(cancellationToken) is not { } account)
        {
            return new ReconciliationRun(0, 0);
        }

        var found = 0;
        var since = clock.GetUtcNow().UtcDateTime - options.Value.ReconcileLookback;
        var service = new EventService(stripe.Client);
        string? after = null;
        while (true)
        {
            var page = await service.ListAsync(
                new EventListOptions
                {
                    Types = [.. StripeEventTypesReconciled.All],
                    Created = new DateRangeOptions { GreaterThanOrEqual = since },
                    Limit = PageSize,
                    StartingAfter = after,
                },
                StripeGateway.On(account.StripeAccountId),
                cancellationToken);
            var ids = page.Data.Select(e => e.Id).ToList();
            var stored = await db.StripeEvents.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
            foreach (var missed in page.Data.Where(e => !stored.Contains(e.Id)))
            {
                // A listed event has no account field when listed on the account itself; it is that account's.
                missed.Account ??= account.StripeAccountId;
                var payload = missed.RawJsonElement is { ValueKind: not System.Text.Json.JsonValueKind.Undefined } raw ? raw.GetRawText() : missed.ToJson();
                if (await inbox.AcceptAsync(missed, account.StripeAccountId, payload, cancellationToken))
                {
                    found++;
                    logger.LogInformation("Reconciliation found Stripe event {EventId} ({Type}) that no webhook delivered", missed.Id, missed.Type);
                }
            }

            if (!page.HasMore || ids.Count == 0)
            {
                break;
            }

            after = ids[^1];
        }

        var unprocessed = await db.StripeEvents.AsNoTracking()
            .Where(e => e.ProcessedAt == null)
            .OrderBy(e => e.ReceivedAt)
            .Select(e => e.Id)
            .Take(SweepBatch)
            .ToListAsync(cancellationToken);
        foreach (var id in unprocessed)
        {
            await inbox.EnqueueAsync(id, cancellationToken);
        }

        return new ReconciliationRun(found, unprocessed.Count);
    }
}

/// <summary>What one reconciliation did: events found on Stripe that were not stored, and unprocessed events queued again.</summary>
public sealed record ReconciliationRun(int Found, int Requeued);
