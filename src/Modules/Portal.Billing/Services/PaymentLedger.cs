using Microsoft.EntityFrameworkCore;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Events;
using Portal.Core.Security;
using Portal.Core.Settings;

namespace Portal.Billing.Services;

/// <summary>
/// Records payments and allocates them to invoices. An allocation raises the invoice's paid amount by
/// a conditional update (never past its total, never on a void invoice), so two payments racing for
/// the last of a balance cannot both get it; the invoice's status follows in the same statement.
/// </summary>
public sealed class PaymentLedger(
    BillingDbContext db,
    IClientDirectory clients,
    SiteSettingsStore settings,
    IDomainEventPublisher events,
    IAuditLog audit,
    ICurrentActor actor,
    TimeProvider clock)
{
    public Task<Payment?> FindAsync(Guid id, CancellationToken cancellationToken = default)
        => db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>Which of these payments exist, in one query (a sync batch checks them all before its items).</summary>
    public async Task<IReadOnlySet<Guid>> ExistingAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var wanted = ids.Distinct().ToList();
        return (await db.Payments.AsNoTracking().Where(p => wanted.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    public Task<Payment?> FindByProviderKeyAsync(string providerKey, CancellationToken cancellationToken = default)
        => db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.ProviderKey == providerKey, cancellationToken);

    /// <summary>The invoices a client owes on in a currency, oldest due first: the order a payment pays them.</summary>
    public async Task<IReadOnlyList<Invoice>> OpenInvoicesAsync(Guid clientId, string? currency, CancellationToken cancellationToken = default)
    {
        var query = db.Invoices.AsNoTracking().Where(i => i.ClientId == clientId && (i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartlyPaid));
        if (currency is not null)
        {
            query = query.Where(i => i.Currency == currency);
        }

        var open = await query.ToListAsync(cancellationToken);
        return [.. open.OrderBy(i => i.DueDate).ThenBy(i => i.IssueDate).ThenBy(i => i.Id)];
    }

    /// <summary>
    /// Whether a client may pay <paramref name="amount"/> on the invoice online: the practice's partial
    /// payment rule and minimum, never more than the balance. The Stripe part asks before Checkout.
    /// </summary>
    public static PortalError? CheckClientAmount(Invoice invoice, long amount, PaymentSettings payment)
    {
        if (invoice.Status is InvoiceStatus.Void or InvoiceStatus.Paid)
        {
            return BillingErrors.PaymentInvoiceNotOpen;
        }

        if (amount <= 0)
        {
            return BillingErrors.AmountNotPositive("Amount");
        }

        if (amount > invoice.Balance)
        {
            return BillingErrors.PaymentOverBalance;
        }

        if (amount < invoice.Balance)
        {
            if (!payment.AllowPartialPayments)
            {
                return BillingErrors.PartialPaymentsOff;
            }

            if (amount < payment.MinimumPartialPayment)
            {
                return BillingErrors.BelowMinimum(payment.MinimumPartialPayment, invoice.Currency);
            }
        }

        return null;
    }

    public async Task<BillingResult<Payment>> RecordOfflineAsync(OfflinePaymentDraft draft, CancellationToken cancellationToken = default)
    {
        if (draft.Method == PaymentMethod.Online)
        {
            throw new ArgumentException("Online payments are recorded with RecordOnlineAsync.", nameof(draft));
        }

        var payment = await settings.GetAsync<PaymentSettings>(cancellationToken);
        var currency = string.IsNullOrWhiteSpace(draft.Currency) ? payment.DefaultCurrency : draft.Currency.Trim().ToUpperInvariant();
        var errors = OfflineErrors(draft, currency, payment, await clients.FindAsync(draft.ClientId, cancellationToken) is not null);
        if (errors.Count > 0)
        {
            return BillingResult.Fail<Payment>(errors);
        }

        var open = await OpenInvoicesAsync(draft.ClientId, currency, cancellationToken);
        var plan = draft.Allocations is { Count: > 0 } given ? CheckAllocations(given, open, draft.Amount, currency) : OldestFirst(open, draft.Amount, currency);
        if (!plan.Succeeded)
        {
            return BillingResult.Fail<Payment>(plan.Errors);
        }

        var row = OfflinePayment(draft, currency);
        if (!await CommitAsync(row, plan.Value!.Allocations, cancellationToken))
        {
            return BillingResult.Fail<Payment>(BillingErrors.PaymentInvoiceNotOpen);
        }

        await audit.RecordAsync(new AuditEntry(BillingAuditActions.PaymentRecorded, BillingAuditTargets.Payment, row.Id.ToString(), $"{Money.Format(row.Amount, row.Currency)} by {row.Method}"), cancellationToken);
        return BillingResult.Ok(row);
    }

    /// <summary>
    /// The batch form of <see cref="RecordOfflineAsync"/> (the sync API's first sync): the drafts checked
    /// and allocated in order as one by one would, each seeing the invoices as the earlier ones left them,
    /// with the settings, clients and open invoices read once and the payments saved in one save; each
    /// allocation still raises its invoice by the same guarded statement. A refused draft gets its
    /// errors and nothing is written for it. Null when a guard refuses (an invoice changed meanwhile):
    /// nothing was recorded, and a caller can apply the drafts one by one instead.
    /// </summary>
    public async Task<IReadOnlyList<BillingResult<Payment>>?> RecordOfflineManyAsync(IReadOnlyList<OfflinePaymentDraft> drafts, CancellationToken cancellationToken = default)
    {
        if (drafts.Any(d => d.Method == PaymentMethod.Online))
        {
            throw new ArgumentException("Online payments are recorded with RecordOnlineAsync.", nameof(drafts));
        }

        var payment = await settings.GetAsync<PaymentSettings>(cancellationToken);
        var known = await clients.FindManyAsync(drafts.Select(d => d.ClientId), cancellationToken);
        var clientIds = known.Keys.ToList();
        var owed = (await db.Invoices.AsNoTracking()
                .Where(i => clientIds.Contains(i.ClientId) && (i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartlyPaid))
                .ToListAsync(cancellationToken))
            .ToLookup(i => i.ClientId);
        var results = new BillingResult<Payment>[drafts.Count];
        var made = new List<(int Index, Payment Row, IReadOnlyList<AllocationDraft> Allocations)>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            var currency = string.IsNullOrWhiteSpace(draft.Currency) ? payment.DefaultCurrency : draft.Currency.Trim().ToUpperInvariant();
            var errors = OfflineErrors(draft, currency, payment, known.ContainsKey(draft.ClientId));
            if (errors.Count > 0)
            {
                results[i] = BillingResult.Fail<Payment>(errors);
                continue;
            }

            // What OpenInvoicesAsync would read now: the invoices as the earlier drafts left them.
            var open = owed[draft.ClientId].Where(inv => inv.Currency == currency && inv.Status is InvoiceStatus.Open or InvoiceStatus.PartlyPaid)
                .OrderBy(inv => inv.DueDate).ThenBy(inv => inv.IssueDate).ThenBy(inv => inv.Id).ToList();
            var plan = draft.Allocations is { Count: > 0 } given ? CheckAllocations(given, open, draft.Amount, currency) : OldestFirst(open, draft.Amount, currency);
            if (!plan.Succeeded)
            {
                results[i] = BillingResult.Fail<Payment>(plan.Errors);
                continue;
            }

            var row = OfflinePayment(draft, currency);
            var allocations = plan.Value!.Allocations;
            db.Payments.Add(row);
            db.Allocations.AddRange(allocations.Select(a => new PaymentAllocation { Id = Guid.CreateVersion7(), PaymentId = row.Id, InvoiceId = a.InvoiceId, Amount = a.Amount }));
            events.Publish(db, new PaymentRecorded(row.Id, row.ClientId, row.Amount, row.FeeAmount, row.Currency, row.Method.ToString(), false));
            PublishRequestChange(row, row.Status);
            foreach (var allocation in allocations)
            {
                var invoice = open.First(inv => inv.Id == allocation.InvoiceId);
                invoice.PaidAmount += allocation.Amount;
                invoice.Status = invoice.PaidAmount >= invoice.TotalAmount ? InvoiceStatus.Paid : InvoiceStatus.PartlyPaid;
            }

            made.Add((i, row, allocations));
        }

        if (made.Count == 0)
        {
            return results;
        }

        await using (var transaction = await db.Database.BeginOrNestTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var allocation in made.SelectMany(m => m.Allocations))
            {
                if (!await RaisePaidAsync(allocation.InvoiceId, allocation.Amount, cancellationToken))
                {
                    // Disposed uncommitted, the transaction (or savepoint) takes back the payments saved above.
                    db.ChangeTracker.Clear();
                    return null;
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        foreach (var (index, row, _) in made)
        {
            await audit.RecordAsync(new AuditEntry(BillingAuditActions.PaymentRecorded, BillingAuditTargets.Payment, row.Id.ToString(), $"{Money.Format(row.Amount, row.Currency)} by {row.Method}"), cancellationToken);
            results[index] = BillingResult.Ok(row);
        }

        return results;
    }

    /// <summary>
    /// Records a payment taken by the provider exactly once: a second call with the same
    /// <see cref="OnlinePaymentDraft.ProviderKey"/> (a duplicate or late webhook, a reconciliation)
    /// changes nothing and answers the payment already recorded. A succeeded payment pays its invoice
    /// up to the balance; what is over (the invoice was paid meanwhile) is kept as unallocated for a refund.
    /// </summary>
    public async Task<BillingResult<RecordedPayment>> RecordOnlineAsync(OnlinePaymentDraft draft, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(draft.ProviderKey))
        {
            return BillingResult.Fail<RecordedPayment>(BillingErrors.PaymentProviderKeyRequired);
        }

        if (await FindByProviderKeyAsync(draft.ProviderKey, cancellationToken) is { } already)
        {
            return BillingResult.Ok(new RecordedPayment(already, false));
        }

        var invoice = draft.Request is { } request
            ? await RequestedInvoiceAsync(request, draft.Currency, cancellationToken)
            : await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == draft.InvoiceId, cancellationToken);
        if (invoice is null && draft.Request is null)
        {
            return BillingResult.Fail<RecordedPayment>(BillingErrors.InvoiceNotFound);
        }

        if (draft.Amount <= 0 || draft.FeeAmount < 0 || draft.FeeAmount >= draft.Amount)
        {
            return BillingResult.Fail<RecordedPayment>(BillingErrors.AmountNotPositive("Amount"));
        }

        var row = new Payment
        {
            Id = Guid.CreateVersion7(),
            ClientId = draft.Request?.ClientId ?? invoice!.ClientId,
            Method = PaymentMethod.Online,
            Status = draft.Status,
            ReceivedOn = draft.ReceivedOn,
            Amount = draft.Amount,
            FeeAmount = draft.FeeAmount,
            Currency = draft.Currency.ToUpperInvariant(),
            ProviderKey = draft.ProviderKey,
            CheckoutSessionId = draft.CheckoutSessionId,
            PaymentIntentId = draft.PaymentIntentId,
            ChargeId = draft.ChargeId,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            PaymentRequestId = draft.Request?.RequestId,
            RequestedBy = draft.Request?.RequestedBy,
            InvoiceNumber = Clip(draft.Request?.InvoiceNumber, Invoice.NumberMaxLength),
            Reference = Clip(draft.Request?.Description, Payment.ReferenceMaxLength),
        };
        // A pending payment keeps its allocation too (it counts only once succeeded), so the later success knows its invoice.
        var allocations = invoice is null ? [] : Online(invoice, row);
        if (invoice is null)
        {
            row.UnallocatedAmount = row.Amount - row.FeeAmount;
        }

        try
        {
            if (!await CommitAsync(row, allocations, cancellationToken))
            {
                // The invoice was paid or voided between the read and the update: keep the money as unallocated.
                db.ChangeTracker.Clear();
                row.UnallocatedAmount = row.Amount - row.FeeAmount;
                await CommitAsync(row, [], cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            // The same provider payment was recorded by a concurrent call: the unique key kept it to one.
            db.ChangeTracker.Clear();
            if (await FindByProviderKeyAsync(draft.ProviderKey, cancellationToken) is { } concurrent)
            {
                return BillingResult.Ok(new RecordedPayment(concurrent, false));
            }

            throw;
        }

        return BillingResult.Ok(new RecordedPayment(row, true));
    }

    /// <summary>
    /// Moves an online payment to a later status (an async method succeeded or failed); money taken is never
    /// un-taken here (refunds are their own rows). Idempotent:
    /// the move into Succeeded allocates once, by a conditional update on the status it came from.
    /// </summary>
    public async Task<BillingResult<Payment>> SetOnlineStatusAsync(string providerKey, PaymentStatus status, CancellationToken cancellationToken = default)
    {
        var payment = await FindByProviderKeyAsync(providerKey, cancellationToken);
        if (payment is null)
        {
            return BillingResult.Fail<Payment>(BillingErrors.PaymentNotFound);
        }

        if (payment.Status == status || payment.Status is PaymentStatus.Succeeded or PaymentStatus.Refunded or PaymentStatus.PartlyRefunded)
        {
            return BillingResult.Ok(payment);
        }

        if (status != PaymentStatus.Succeeded)
        {
            await using var moving = await db.Database.BeginOrNestTransactionAsync(cancellationToken);
            if (await db.Payments.Where(p => p.Id == payment.Id && p.Status == payment.Status).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, status), cancellationToken) == 1)
            {
                PublishRequestChange(payment, status);
                await db.SaveChangesAsync(cancellationToken);
            }

            await moving.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return BillingResult.Ok((await FindAsync(payment.Id, cancellationToken))!);
        }

        var invoiceId = await db.Allocations.Where(a => a.PaymentId == payment.Id).Select(a => (Guid?)a.InvoiceId).FirstOrDefaultAsync(cancellationToken);
        await using var transaction = await db.Database.BeginOrNestTransactionAsync(cancellationToken);
        var moved = await db.Payments.Where(p => p.Id == payment.Id && p.Status == payment.Status).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Succeeded), cancellationToken);
        if (moved == 1)
        {
            events.Publish(db, new PaymentRecorded(payment.Id, payment.ClientId, payment.Amount, payment.FeeAmount, payment.Currency, payment.Method.ToString(), Online: true));
            PublishRequestChange(payment, PaymentStatus.Succeeded);
            await db.SaveChangesAsync(cancellationToken);
            if (invoiceId is { } id)
            {
                var amount = await db.Allocations.Where(a => a.PaymentId == payment.Id).SumAsync(a => a.Amount, cancellationToken);
                if (!await RaisePaidAsync(id, amount, cancellationToken))
                {
                    await db.Allocations.Where(a => a.PaymentId == payment.Id).ExecuteDeleteAsync(cancellationToken);
                    await db.Payments.Where(p => p.Id == payment.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.UnallocatedAmount, payment.Amount - payment.FeeAmount), cancellationToken);
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return BillingResult.Ok((await FindAsync(payment.Id, cancellationToken))!);
    }

    /// <summary>
    /// The client's open portal invoice whose number is the one a payment request names (compared as invoice
    /// numbers are: trimmed, case-insensitive), in the payment's currency; null when there is none.
    /// </summary>
    private async Task<Invoice?> RequestedInvoiceAsync(PaymentRequestFacts request, string currency, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.InvoiceNumber))
        {
            return null;
        }

        var normalized = request.InvoiceNumber.Trim().ToUpperInvariant();
        var code = currency.ToUpperInvariant();
        return await db.Invoices.AsNoTracking().FirstOrDefaultAsync(
            i => i.ClientId == request.ClientId && i.NormalizedNumber == normalized && i.Currency == code && (i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartlyPaid),
            cancellationToken);
    }

    /// <summary>A payment request's payment moved: the event goes into the same unit of work as the change (the caller saves it).</summary>
    private void PublishRequestChange(Payment payment, PaymentStatus status)
    {
        if (payment.PaymentRequestId is not { } requestId || PaymentRequestStatusOf(status) is not { } changed)
        {
            return;
        }

        events.Publish(db, new PaymentRequestPaymentChanged(requestId, payment.Id, changed, payment.Amount, payment.FeeAmount, payment.RefundedAmount, payment.Currency));
    }

    /// <summary>How a payment request's sender sees a payment's status; null for one they are not told of (pending before Checkout completes).</summary>
    public static PaymentRequestPaymentStatus? PaymentRequestStatusOf(PaymentStatus status) => status switch
    {
        PaymentStatus.Processing => PaymentRequestPaymentStatus.Processing,
        PaymentStatus.Succeeded => PaymentRequestPaymentStatus.Paid,
        PaymentStatus.Failed => PaymentRequestPaymentStatus.Failed,
        PaymentStatus.PartlyRefunded => PaymentRequestPaymentStatus.PartlyRefunded,
        PaymentStatus.Refunded => PaymentRequestPaymentStatus.Refunded,
        _ => null,
    };

    /// <summary>Trimmed text cut to a column's length; null when blank.</summary>
    internal static string? Clip(string? text, int length)
        => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, length)];

    /// <summary>What of an online payment goes to its invoice: the amount without the fee, up to the balance.</summary>
    private static List<AllocationDraft> Online(Invoice invoice, Payment row)
    {
        var net = row.Amount - row.FeeAmount;
        var toInvoice = invoice.Status is InvoiceStatus.Void or InvoiceStatus.Paid || invoice.Currency != row.Currency ? 0 : Math.Min(net, invoice.Balance);
        row.UnallocatedAmount = net - toInvoice;
        return toInvoice > 0 ? [new AllocationDraft(invoice.Id, toInvoice)] : [];
    }

    private async Task<bool> CommitAsync(Payment row, IReadOnlyList<AllocationDraft> allocations, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginOrNestTransactionAsync(cancellationToken);
        db.Payments.Add(row);
        db.Allocations.AddRange(allocations.Select(a => new PaymentAllocation { Id = Guid.CreateVersion7(), PaymentId = row.Id, InvoiceId = a.InvoiceId, Amount = a.Amount }));
        if (row.Status == PaymentStatus.Succeeded)
        {
            events.Publish(db, new PaymentRecorded(row.Id, row.ClientId, row.Amount, row.FeeAmount, row.Currency, row.Method.ToString(), row.Method == PaymentMethod.Online));
        }

        PublishRequestChange(row, row.Status);

        await db.SaveChangesAsync(cancellationToken);
        if (row.Status == PaymentStatus.Succeeded)
        {
            foreach (var allocation in allocations)
            {
                if (!await RaisePaidAsync(allocation.InvoiceId, allocation.Amount, cancellationToken))
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    return false;
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>One statement: the invoice's paid amount goes up only while it stays within the total of an invoice that is not void, and its status follows.</summary>
    private async Task<bool> RaisePaidAsync(Guid invoiceId, long amount, CancellationToken cancellationToken)
        => await db.Invoices
            .Where(i => i.Id == invoiceId && i.Status != InvoiceStatus.Void && i.PaidAmount + amount <= i.TotalAmount)
            .ExecuteUpdateAsync(
                s => s.SetProperty(i => i.PaidAmount, i => i.PaidAmount + amount)
                    .SetProperty(i => i.Status, i => i.PaidAmount + amount >= i.TotalAmount ? InvoiceStatus.Paid : InvoiceStatus.PartlyPaid),
                cancellationToken) == 1;

    private static List<PortalError> OfflineErrors(OfflinePaymentDraft draft, string currency, PaymentSettings payment, bool clientKnown)
    {
        var errors = new List<PortalError>();
        if (!clientKnown)
        {
            errors.Add(BillingErrors.PaymentClientUnknown);
        }

        if (!payment.Accepts(currency))
        {
            errors.Add(BillingErrors.CurrencyNotAccepted(currency));
        }

        if (draft.Amount <= 0)
        {
            errors.Add(BillingErrors.AmountNotPositive("Amount"));
        }

        return errors;
    }

    private Payment OfflinePayment(OfflinePaymentDraft draft, string currency) => new()
    {
        Id = draft.Id ?? Guid.CreateVersion7(),
        ClientId = draft.ClientId,
        Method = draft.Method,
        Status = PaymentStatus.Succeeded,
        ReceivedOn = draft.ReceivedOn,
        Reference = string.IsNullOrWhiteSpace(draft.Reference) ? null : draft.Reference.Trim()[..Math.Min(draft.Reference.Trim().Length, Payment.ReferenceMaxLength)],
        Amount = draft.Amount,
        Currency = currency,
        RecordedAt = clock.GetUtcNow().UtcDateTime,
        RecordedBy = actor.Actor.UserId,
    };

    private static BillingResult<AllocationPlan> OldestFirst(IReadOnlyList<Invoice> open, long amount, string currency)
    {
        if (open.Count == 0)
        {
            return BillingResult.Fail<AllocationPlan>(BillingErrors.PaymentNothingOwed);
        }

        var allocations = new List<AllocationDraft>();
        var left = amount;
        foreach (var invoice in open)
        {
            if (left == 0)
            {
                break;
            }

            var part = Math.Min(left, invoice.Balance);
            allocations.Add(new AllocationDraft(invoice.Id, part));
            left -= part;
        }

        return left > 0
            ? BillingResult.Fail<AllocationPlan>(BillingErrors.Unallocated(left, currency))
            : BillingResult.Ok(new AllocationPlan(allocations));
    }

    private static BillingResult<AllocationPlan> CheckAllocations(IReadOnlyList<AllocationDraft> given, IReadOnlyList<Invoice> open, long amount, string currency)
    {
        var errors = new List<PortalError>();
        var byId = open.ToDictionary(i => i.Id);
        var kept = new List<AllocationDraft>();
        for (var i = 0; i < given.Count; i++)
        {
            var allocation = given[i];
            if (allocation.Amount == 0)
            {
                continue;
            }

            if (allocation.Amount < 0)
            {
                errors.Add(BillingErrors.AllocationNotPositive(i));
            }
            else if (!byId.TryGetValue(allocation.InvoiceId, out var invoice))
            {
                errors.Add(BillingErrors.AllocationInvoiceNotOpen(i));
            }
            else if (allocation.Amount > invoice.Balance)
            {
                errors.Add(BillingErrors.AllocationOverBalance(i, invoice.Balance, currency));
            }
            else
            {
                kept.Add(allocation);
            }
        }

        if (errors.Count == 0 && kept.GroupBy(a => a.InvoiceId).Any(g => g.Count() > 1))
        {
            kept = [.. kept.GroupBy(a => a.InvoiceId).Select(g => new AllocationDraft(g.Key, g.Sum(a => a.Amount)))];
            errors.AddRange(kept.Where(a => a.Amount > byId[a.InvoiceId].Balance).Select(a => BillingErrors.AllocationOverBalance(0, byId[a.InvoiceId].Balance, currency)));
        }

        if (errors.Count == 0)
        {
            var sum = kept.Sum(a => a.Amount);
            if (sum < amount)
            {
                errors.Add(BillingErrors.Unallocated(amount - sum, currency));
            }
            else if (sum > amount)
            {
                errors.Add(BillingErrors.OverAllocated(sum - amount, currency));
            }
        }

        return errors.Count > 0 ? BillingResult.Fail<AllocationPlan>(errors) : BillingResult.Ok(new AllocationPlan(kept));
    }

    private sealed record AllocationPlan(IReadOnlyList<AllocationDraft> Allocations);
}
