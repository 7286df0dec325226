using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Billing.Data;
using Portal.Core.Events;
using Portal.Sync.Api;

namespace Portal.Sync.Services;

/// <summary>A payment taken online enters the change feed; payments the program itself sent never come back.</summary>
internal sealed class FeedOnPaymentRecorded(BillingDbContext billing, ChangeFeedWriter feed) : IDomainEventHandler<PaymentRecorded>
{
    /// <summary>What the feed calls an online payment (the portal takes them by card through the provider).</summary>
    public const string OnlineMethod = "card";

    /// <summary>Online payments only (the registration's filter too: the program's own payments queue no work).</summary>
    public static bool Takes(PaymentRecorded domainEvent) => domainEvent.Online;

    public async Task HandleAsync(PaymentRecorded domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        if (!Takes(domainEvent))
        {
            return;
        }

        var payment = await billing.Payments.AsNoTracking().Where(p => p.Id == domainEvent.PaymentId)
            .Select(p => new { p.ReceivedOn, p.InvoiceNumber }).SingleOrDefaultAsync(cancellationToken);
        var invoice = await (from a in billing.Allocations.AsNoTracking()
                             join i in billing.Invoices on a.InvoiceId equals i.Id
                             where a.PaymentId == domainEvent.PaymentId
                             orderby a.Amount descending
                             select new { i.Number, i.ExternalId }).FirstOrDefaultAsync(cancellationToken);
        await feed.AppendAsync(context, ChangeKinds.PaymentReceived, domainEvent.ClientId, new ChangedPayment(
            domainEvent.PaymentId,
            (domainEvent.Amount / 100m).ToString("0.00", CultureInfo.InvariantCulture),
            domainEvent.Currency,
            payment?.ReceivedOn ?? DateOnly.FromDateTime(context.OccurredAt),
            OnlineMethod,
            invoice?.Number ?? payment?.InvoiceNumber,
            invoice?.ExternalId), cancellationToken);
    }
}
