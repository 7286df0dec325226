using Portal.Core.Jobs;

namespace Portal.Billing.Payments.Webhooks;

/// <summary>Practice recurring job (<c>ReconcileSchedule</c>): runs <see cref="StripeReconciliation"/> for the practice.</summary>
public sealed class StripeReconciliationHandler(StripeReconciliation reconciliation) : IJobHandler<ScheduledRun>
{
    public static string JobType => "billing.stripe-reconcile";

    public Task ExecuteAsync(ScheduledRun payload, JobContext context, CancellationToken cancellationToken)
        => reconciliation.RunAsync(cancellationToken);
}
