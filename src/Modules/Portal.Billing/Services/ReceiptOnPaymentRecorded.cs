using Portal.Core.Events;

namespace Portal.Billing.Services;

/// <summary>Each online payment that succeeded gets its receipt e-mail (offline ones are recorded by staff, who tell the client themselves).</summary>
public sealed class ReceiptOnPaymentRecorded(PaymentReceipts receipts) : IDomainEventHandler<PaymentRecorded>
{
    /// <summary>Online payments only (the registration's filter too, so an offline one queues no work).</summary>
    public static bool Takes(PaymentRecorded domainEvent) => domainEvent.Online;

    public Task HandleAsync(PaymentRecorded domainEvent, DomainEventContext context, CancellationToken cancellationToken)
        => Takes(domainEvent) ? receipts.SendAsync(domainEvent.PaymentId, cancellationToken) : Task.CompletedTask;
}
