using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Core.Jobs;
using Stripe;

namespace Portal.Billing.Payments.Webhooks;

/// <summary>
/// Processes one stored Stripe event: every <see cref="IStripeEventHandler"/> that handles its type runs,
/// then the event is marked processed. A handler that throws fails the job (the error is kept on the
/// event) and the queue retries it; handlers are idempotent, so a retry after a crash does nothing twice.
/// </summary>
public sealed class StripeEventJobHandler(
    BillingDbContext db,
    IEnumerable<IStripeEventHandler> handlers,
    TimeProvider clock,
    ILogger<StripeEventJobHandler> logger) : IJobHandler<StripeEventJob>
{
    public static string JobType => "billing.stripe-event";

    public async Task ExecuteAsync(StripeEventJob payload, JobContext context, CancellationToken cancellationToken)
    {
        var stored = await db.StripeEvents.FirstOrDefaultAsync(e => e.Id == payload.EventId, cancellationToken);
        if (stored is null || stored.ProcessedAt is not null)
        {
            return;
        }

        var stripeEvent = EventUtility.ParseEvent(stored.Payload, throwOnApiVersionMismatch: false);
        try
        {
            foreach (var handler in handlers.Where(h => h.Handles(stored.Type)))
            {
                await handler.HandleAsync(stripeEvent, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Stripe event {EventId} ({Type}) failed on attempt {Attempt}: {Error}", stored.Id, stored.Type, context.Attempt, e.Message);
            var error = Truncated($"{e.GetType().Name}: {e.Message}");
            await db.StripeEvents.Where(x => x.Id == stored.Id).ExecuteUpdateAsync(x => x.SetProperty(r => r.LastError, error), CancellationToken.None);
            throw;
        }

        await db.StripeEvents.Where(x => x.Id == stored.Id).ExecuteUpdateAsync(
            x => x.SetProperty(r => r.ProcessedAt, clock.GetUtcNow().UtcDateTime).SetProperty(r => r.LastError, (string?)null),
            cancellationToken);
    }

    private static string Truncated(string error) => error.Length <= StripeEvent.LastErrorMaxLength ? error : error[..StripeEvent.LastErrorMaxLength];
}
