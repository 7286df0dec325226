using Portal.Core.Events;

namespace Portal.Billing.Services;

/// <summary>Each online payment that succeeded gets its receipt e-mail (offline ones are recorded by staff, who tell the client themselves).</summary>
public sealed class ReceiptOnPaymentRecorded(PaymentReceipts receipts) : IDomainEventHandler<PaymentRecorded>
{
    public Task HandleAsync(PaymentRecorded domainEvent, DomainEventContext context, CancellationToken cancellationToken)
        => domainEvent.Online ? receipts.SendAsync(domainEvent.PaymentId, cancellationToken) : Task.CompletedTask;
}
