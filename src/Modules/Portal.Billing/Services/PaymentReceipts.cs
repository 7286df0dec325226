using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Billing.Pages.Billing;
using Portal.Billing.Payments;
using Portal.Core.Contracts;
using Portal.Core.Mail;
using Portal.Core.Tenancy;

namespace Portal.Billing.Services;

/// <summary>
/// The receipt of an online payment that succeeded, to the client user who paid (from the Checkout attempt),
/// or else to the client's full-access portal users; a secure payment request's to the address the request went to
/// (its payer need not be a portal user), linking to the request's thank-you page. Its outbox id is derived from the payment's, so a
/// retried event (delivery is at least once) queues nothing more.
/// </summary>
public sealed class PaymentReceipts(
    BillingDbContext db,
    IUserDirectory users,
    IClientDirectory clients,
    MailComposer composer,
    IMailOutbox outbox,
    StripeGateway stripe,
    TenantContext tenant,
    TenantUrls urls,
    LinkGenerator links,
    ILogger<PaymentReceipts> logger)
{
    /// <summary>The receipt's outbox id: the same for every delivery of the payment's event.</summary>
    public static Guid MessageIdOf(Guid paymentId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{ReceiptMailTemplate.Name}:{paymentId:N}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    public async Task SendAsync(Guid paymentId, CancellationToken cancellationToken = default)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId, cancellationToken);
        if (payment is not { Method: PaymentMethod.Online } || !PaymentRules.Counted.Contains(payment.Status))
        {
            return;
        }

        var attempt = payment.CheckoutSessionId is null ? null
            : await db.CheckoutAttempts.AsNoTracking().FirstOrDefaultAsync(a => a.SessionId == payment.CheckoutSessionId, cancellationToken);
        var invoiceId = attempt?.InvoiceId
            ?? await db.Allocations.AsNoTracking().Where(a => a.PaymentId == payment.Id).Select(a => (Guid?)a.InvoiceId).FirstOrDefaultAsync(cancellationToken);
        var invoice = invoiceId is null ? null : await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
        var (to, payerName) = attempt is { PaymentRequestId: not null, PayerEmail: { } payerEmail }
            ? ([payerEmail], null)
            : await RecipientsAsync(payment.ClientId, attempt?.ClientUserId, cancellationToken);
        if (to.Count == 0)
        {
            logger.LogWarning("No one to send the receipt of payment {PaymentId} to: the client has no active full-access portal user", payment.Id);
            return;
        }

        var client = await clients.FindAsync(payment.ClientId, cancellationToken);
        var draft = await composer.ComposeAsync(
            ReceiptMailTemplate.Name,
            to,
            new Dictionary<string, object?>
            {
                ["payerName"] = payerName ?? "",
                ["clientName"] = client?.Name ?? "",
                ["invoiceNumber"] = invoice?.Number ?? payment.InvoiceNumber ?? payment.Reference ?? "",
                ["date"] = payment.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["invoiceAmount"] = Money.Format(payment.Amount - payment.FeeAmount, payment.Currency),
                ["hasFee"] = payment.FeeAmount > 0,
                ["fee"] = Money.Format(payment.FeeAmount, payment.Currency),
                ["total"] = Money.Format(payment.Amount, payment.Currency),
                ["reference"] = payment.PaymentIntentId ?? payment.CheckoutSessionId ?? payment.Id.ToString(),
                ["testMode"] = stripe.TestMode,
                ["link"] = payment.PaymentRequestId is not null && payment.CheckoutSessionId is { } session
                    ? urls.Link(tenant.Tenant, links.GetPathByPage(PaymentRequestPages.ThankYou, handler: null, values: new { session_id = session }) ?? "/")
                    : urls.Link(tenant.Tenant, invoice is null ? "/billing" : $"/billing/invoices/{invoice.Id}"),
            },
            cancellationToken);
        await outbox.QueueAsync(draft with { Id = MessageIdOf(payment.Id) }, cancellationToken);
    }

    /// <summary>The user who paid, when still active; else every active full-access user of the client.</summary>
    private async Task<(IReadOnlyList<string> To, string? PayerName)> RecipientsAsync(Guid clientId, Guid? payerId, CancellationToken cancellationToken)
    {
        if (payerId is { } id && await users.FindAsync(id, cancellationToken) is { IsDisabled: false, IsStaff: false } payer)
        {
            return ([payer.Email], payer.DisplayName);
        }

        var full = (await clients.PortalUsersAsync(clientId, cancellationToken)).Where(u => u.Access == ClientAccessLevel.Full).Select(u => u.UserId).ToList();
        var found = await users.FindManyAsync(full, cancellationToken);
        return ([.. found.Values.Where(u => !u.IsDisabled).Select(u => u.Email).Distinct(StringComparer.OrdinalIgnoreCase)], null);
    }
}
