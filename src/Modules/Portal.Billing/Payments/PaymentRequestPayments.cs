using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Billing.Pages.Billing;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Settings;
using Portal.Core.Tenancy;

namespace Portal.Billing.Payments;

/// <summary>
/// Secure payment requests (SecureMail) paid through the practice's own Checkout: the same connected account,
/// fee rule and one-open-session discipline as an invoice's Pay (<see cref="CheckoutSessions.OpenAsync"/>), the
/// request's attempt keyed by its id. The session comes back to the anonymous thank-you page
/// (<see cref="PaymentRequestPages.ThankYou"/>); the books record it through <see cref="CheckoutSettlement"/>.
/// </summary>
internal sealed class PaymentRequestPayments(
    BillingDbContext db,
    CheckoutSessions checkout,
    StripeGateway stripe,
    PayoutAccounts accounts,
    SiteSettingsStore settings,
    ClientFeeRule fees,
    IClientDirectory clients,
    TenantContext tenant,
    TenantUrls tenantUrls,
    LinkGenerator links,
    IHttpContextAccessor http,
    TimeProvider clock) : IPaymentRequestPayments
{
    public async Task<string?> UnavailableReasonAsync(string currency, CancellationToken cancellationToken = default)
    {
        var code = (currency ?? "").Trim().ToUpperInvariant();
        var payment = await settings.GetAsync<PaymentSettings>(cancellationToken);
        if (!stripe.IsConfigured)
        {
            return "Set up payments first: this portal has no Stripe keys yet (the platform operator adds them).";
        }

        if (!payment.PaymentsEnabled)
        {
            return "Set up payments first: online payments are turned off in Billing's payment settings.";
        }

        if (await accounts.FindAsync(cancellationToken) is not { } account)
        {
            return "Set up payments first: connect the practice's Stripe account under Set up payments.";
        }

        if (!account.Ready)
        {
            return account.Due.Count > 0
                ? $"Set up payments first: Stripe still needs {string.Join("; ", RequirementWords.Describe(account.Due))} before the practice can be paid."
                : "Set up payments first: Stripe has not enabled the practice's account for payments yet.";
        }

        return payment.Accepts(code) ? null : $"This practice does not accept {(code.Length == 0 ? "that currency" : code)}.";
    }

    public async Task<long> FeeAsync(Guid clientId, long amount, string currency, CancellationToken cancellationToken = default)
        => amount <= 0 ? 0 : (await fees.ForClientAsync(clientId, amount, cancellationToken)).Amount;

    public async Task<PaymentRequestCheckout> StartCheckoutAsync(PaymentRequestCharge charge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(charge);
        var currency = (charge.Currency ?? "").Trim().ToUpperInvariant();
        var thankYou = ThankYouUrl();

        // A request is paid once: its counted payment (or a completed attempt) sends the payer to the thank-you page.
        if (await PaidSessionAsync(charge.RequestId, cancellationToken) is { } paid)
        {
            return new PaymentRequestCheckout(new Uri(CheckoutSessions.SuccessUrl(thankYou, paid)), null);
        }

        if (charge.Amount <= 0 || !charge.CancelUrl.IsAbsoluteUri || await UnavailableReasonAsync(currency, cancellationToken) is not null
            || await clients.FindAsync(charge.ClientId, cancellationToken) is null
            || await accounts.FindAsync(cancellationToken) is not { Ready: true } account)
        {
            return new PaymentRequestCheckout(null, CheckoutErrors.RequestUnavailable.Message);
        }

        // Stripe takes expires_at 30 minutes ahead at the soonest, and the page must not outlive the request: a minute
        // of slack covers the time until the session is asked for.
        if (charge.PayableUntil - clock.GetUtcNow().UtcDateTime < CheckoutOptions.ShortestLifetime + TimeSpan.FromMinutes(1))
        {
            return new PaymentRequestCheckout(null, CheckoutErrors.RequestExpiresTooSoon.Message);
        }

        var fee = charge.IncludeFee ? await FeeAsync(charge.ClientId, charge.Amount, currency, cancellationToken) : 0;
        var description = PaymentLedger.Clip(charge.Description, Payment.ReferenceMaxLength) ?? "Payment request";
        var invoiceNumber = PaymentLedger.Clip(charge.InvoiceNumber, Invoice.NumberMaxLength);
        var payer = PaymentLedger.Clip(charge.PayerEmail, CheckoutAttempt.EmailMaxLength);
        var cancelUrl = charge.CancelUrl.AbsoluteUri;
        var subject = new CheckoutSubject(
            $"payment request {charge.RequestId}",
            a => a.OpenPaymentRequestId == charge.RequestId,
            () => new CheckoutAttempt
            {
                PaymentRequestId = charge.RequestId,
                OpenPaymentRequestId = charge.RequestId,
                ClientId = charge.ClientId,
                PayerEmail = payer,
                Description = description,
                InvoiceNumber = invoiceNumber,
                RequestedBy = charge.RequestedBy,
                CancelUrl = cancelUrl,
                Amount = charge.Amount,
                Fee = fee,
                Currency = currency,
            },
            open => open.Amount == charge.Amount && open.Fee == fee && open.Currency == currency && open.ClientId == charge.ClientId
                && open.PayerEmail == payer && open.Description == description && open.InvoiceNumber == invoiceNumber,
            attempt => new CheckoutSessionShape(
                attempt.Description!,
                attempt.InvoiceNumber,
                attempt.PayerEmail,
                Metadata(attempt),
                thankYou.SuccessUrl,
                attempt.CancelUrl!),
            sessionId => CheckoutSessions.SuccessUrl(thankYou, sessionId),
            DateTime.SpecifyKind(charge.PayableUntil, DateTimeKind.Utc));
        var opened = await checkout.OpenAsync(subject, account.StripeAccountId, cancellationToken);
        return opened.Succeeded
            ? new PaymentRequestCheckout(new Uri(opened.Value!), null)
            : new PaymentRequestCheckout(null, opened.Errors[0] == CheckoutErrors.StripeDidNotAnswer ? CheckoutErrors.StripeDidNotAnswer.Message : CheckoutErrors.StripeRefused.Message);
    }

    public Task<bool> CloseCheckoutAsync(Guid requestId, CancellationToken cancellationToken = default)
        => checkout.CloseRequestAsync(requestId, cancellationToken);

    private Dictionary<string, string> Metadata(CheckoutAttempt attempt)
    {
        var metadata = new Dictionary<string, string>
        {
            [StripeMetadataKeys.Practice] = tenant.Tenant.Id.ToString(),
            [StripeMetadataKeys.PaymentRequest] = attempt.PaymentRequestId!.Value.ToString(),
            [StripeMetadataKeys.Fee] = attempt.Fee.ToString(CultureInfo.InvariantCulture),
        };
        if (attempt.PayerEmail is { } payer)
        {
            metadata[StripeMetadataKeys.PayerEmail] = payer;
        }

        if (attempt.InvoiceNumber is { } number)
        {
            metadata[StripeMetadataKeys.InvoiceNumber] = number;
        }

        return metadata;
    }

    /// <summary>The session of the request's payment the books hold as received, or of an attempt Stripe said completed.</summary>
    private async Task<string?> PaidSessionAsync(Guid requestId, CancellationToken cancellationToken)
        => await db.Payments.AsNoTracking()
                .Where(p => p.PaymentRequestId == requestId && p.CheckoutSessionId != null && p.Status != PaymentStatus.Failed && p.Status != PaymentStatus.Pending)
                .Select(p => p.CheckoutSessionId).FirstOrDefaultAsync(cancellationToken)
            ?? await db.CheckoutAttempts.AsNoTracking()
                .Where(a => a.PaymentRequestId == requestId && a.Status == CheckoutAttemptStatus.Complete && a.SessionId != null)
                .Select(a => a.SessionId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The thank-you page on the address the payer's browser uses (the request's), else the practice's own.</summary>
    private CheckoutReturnUrls ThankYouUrl()
    {
        var page = http.HttpContext is { } context
            ? links.GetUriByPage(context, PaymentRequestPages.ThankYou, handler: null, values: null)
            : tenantUrls.Link(tenant.Tenant, links.GetPathByPage(PaymentRequestPages.ThankYou, handler: null, values: null) ?? "/");
        return new CheckoutReturnUrls($"{page}?session_id={CheckoutReturnUrls.SessionIdPlaceholder}", _ => "");
    }
}
