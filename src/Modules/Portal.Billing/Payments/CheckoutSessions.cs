using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Errors;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Stripe;
using Stripe.Checkout;
using Invoice = Portal.Billing.Models.Invoice;

namespace Portal.Billing.Payments;

/// <summary>
/// A client's Pay with Stripe Checkout, as a direct charge on the practice's connected account. Each Pay
/// works through a <see cref="CheckoutAttempt"/> row: at most one is open per invoice (unique index), its id
/// is the session's Idempotency-Key and every parameter of the session comes from the row, so parallel
/// clicks and retries (Stripe.net's, or the client's after a fault) get the one session Stripe made.
/// A Pay for another amount expires the open session at Stripe before opening a new one.
/// </summary>
public sealed class CheckoutSessions(
    BillingDbContext db,
    StripeGateway stripe,
    PayoutAccounts accounts,
    CheckoutSettlement settlement,
    SiteSettingsStore settings,
    ClientFeeRule fees,
    TenantContext tenant,
    IOptions<CheckoutOptions> options,
    TimeProvider clock,
    ILogger<CheckoutSessions> logger)
{
    /// <summary>An open session this close to its end is not handed out again: the client needs time to pay.</summary>
    private static readonly TimeSpan LeastTimeLeft = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A concurrent request with the same key is still running at Stripe (409): wait for its answer this long
    /// at most, then tell the client to try again (the next click gets the answer replayed). A person waits no longer.
    /// </summary>
    private static readonly TimeSpan InFlightPatience = TimeSpan.FromSeconds(10);

    /// <summary>Stripe.net retries 409 and 5xx by itself but not a 429: the portal backs off and retries it, with the same key.</summary>
    private const int RateLimitRetries = 3;

    /// <summary>Not shown to anyone: Stripe refused the attempt's key or it was too old to send; it is closed and the Pay starts afresh.</summary>
    private static readonly PortalError AttemptClosed = new("checkout-attempt-closed", ErrorKind.Conflict, "The payment attempt was closed.");

    /// <summary>The origin Pay sends the browser to (the invoice page's form-action must allow it).</summary>
    public string CheckoutOrigin => stripe.CheckoutOrigin;

    /// <summary>Whether the client is offered Pay on the invoice now, and what paying its balance costs; null when not.</summary>
    public async Task<PayQuote?> OfferAsync(Invoice invoice, CancellationToken cancellationToken = default)
    {
        if (!stripe.IsConfigured || invoice.Status is not (InvoiceStatus.Open or InvoiceStatus.PartlyPaid) || invoice.Balance <= 0)
        {
            return null;
        }

        var payment = await settings.GetAsync<PaymentSettings>(cancellationToken);
        if (!payment.PaymentsEnabled || !payment.Accepts(invoice.Currency) || await accounts.FindAsync(cancellationToken) is not { Ready: true })
        {
            return null;
        }

        return await QuoteAsync(invoice, invoice.Balance, cancellationToken);
    }

    /// <summary>The amount, the fee the practice passes on for this client (none in a no-fee province) and the total.</summary>
    public async Task<PayQuote> QuoteAsync(Invoice invoice, long amount, CancellationToken cancellationToken = default)
        => new(amount, (await fees.ForInvoiceAsync(invoice, amount, cancellationToken)).Amount, invoice.Currency);

    /// <summary>
    /// Checks the amount the client typed, then answers the address to send the browser to: the open session's
    /// hosted page (new or reused), or the success page when the open session turns out to be paid already.
    /// Nothing is written when the amount is refused.
    /// </summary>
    public async Task<BillingResult<string>> StartAsync(Invoice invoice, string? amountText, CheckoutPayer payer, CheckoutReturnUrls urls, CancellationToken cancellationToken = default)
    {
        if (!Money.TryParse(amountText, out var amount, out var problem))
        {
            return BillingResult.Fail<string>(BillingErrors.AmountInvalid("Amount", problem!));
        }

        var payment = await settings.GetAsync<PaymentSettings>(cancellationToken);
        if (PaymentLedger.CheckClientAmount(invoice, amount, payment) is { } refused)
        {
            return BillingResult.Fail<string>(refused.Field is null ? new PortalError(refused.Code, refused.Kind, refused.Message, "Amount") : refused);
        }

        if (!payment.Accepts(invoice.Currency))
        {
            return BillingResult.Fail<string>(BillingErrors.CurrencyNotAccepted(invoice.Currency, "Amount"));
        }

        if (!stripe.IsConfigured || !payment.PaymentsEnabled || await accounts.FindAsync(cancellationToken) is not { Ready: true } account)
        {
            return BillingResult.Fail<string>(CheckoutErrors.Unavailable);
        }

        var quote = await QuoteAsync(invoice, amount, cancellationToken);
        return await OpenAsync(InvoiceSubject(invoice, quote, payer, urls), account.StripeAccountId, cancellationToken);
    }

    /// <summary>
    /// The one open session of <paramref name="subject"/> (an invoice, or a payment request): found, made, or
    /// replaced when the open one asks for something else; answers the hosted page, or the success page when
    /// the open session turns out to be paid already.
    /// </summary>
    internal async Task<BillingResult<string>> OpenAsync(CheckoutSubject subject, string account, CancellationToken cancellationToken)
    {
        // Each turn either answers or closes one attempt that cannot be used; a few turns cover the races.
        for (var turn = 0; turn < 5; turn++)
        {
            var open = await db.CheckoutAttempts.AsNoTracking().FirstOrDefaultAsync(subject.IsOpenAttempt, cancellationToken);
            if (open is null)
            {
                open = await OpenAttemptAsync(subject, cancellationToken);
                if (open is null)
                {
                    continue;
                }
            }
            else if (!subject.Fits(open) || open.ExpiresAt > subject.PayableUntil)
            {
                var closed = await CloseAsync(open, account, cancellationToken);
                if (!closed.Succeeded)
                {
                    return BillingResult.Fail<string>(closed.Errors);
                }

                if (closed.Value!.Status == "complete")
                {
                    return BillingResult.Ok(subject.SuccessUrl(closed.Value.Id));
                }

                continue;
            }

            var session = open.SessionId is null
                ? await CreateSessionAsync(open, subject, account, cancellationToken)
                : await RetrieveAsync(open.SessionId, account, cancellationToken);
            if (session.Errors is [var missing] && missing == CheckoutErrors.SessionNotFound)
            {
                // Stripe does not know the session (the demo's emulator restarted): this attempt is over.
                await MarkAsync(open.Id, CheckoutAttemptStatus.Expired, cancellationToken);
                continue;
            }

            if (session.Errors is [var gone] && gone == AttemptClosed)
            {
                continue;
            }

            if (!session.Succeeded)
            {
                return BillingResult.Fail<string>(session.Errors);
            }

            var current = session.Value!;
            if (current.Status == "open")
            {
                return BillingResult.Ok(current.Url ?? open.Url!);
            }

            await SettleAsync(open, current, cancellationToken);
            if (current.Status == "complete")
            {
                return BillingResult.Ok(subject.SuccessUrl(current.Id));
            }
        }

        logger.LogWarning("Could not open a Checkout Session for {Subject} after several turns", subject.Name);
        return BillingResult.Fail<string>(CheckoutErrors.StripeDidNotAnswer);
    }

    /// <summary>
    /// The success page: the session as Stripe answers it now (a redirect proves nothing), put into the books.
    /// A session that is not an attempt on this invoice, or whose metadata names another invoice or practice, is not found.
    /// </summary>
    public async Task<BillingResult<CheckoutConfirmation>> ConfirmAsync(Invoice invoice, string? sessionId, CancellationToken cancellationToken = default)
    {
        var attempt = string.IsNullOrWhiteSpace(sessionId) ? null
            : await db.CheckoutAttempts.AsNoTracking().FirstOrDefaultAsync(a => a.SessionId == sessionId && a.InvoiceId == invoice.Id, cancellationToken);
        if (attempt is null)
        {
            return BillingResult.Fail<CheckoutConfirmation>(CheckoutErrors.SessionNotFound);
        }

        // Money the books already hold as received cannot be un-taken by anything Stripe says now: no call needed.
        var recorded = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.ProviderKey == attempt.SessionId, cancellationToken);
        if (recorded is not null && PaymentRules.Counted.Contains(recorded.Status))
        {
            return BillingResult.Ok(new CheckoutConfirmation(CheckoutOutcome.Paid, attempt, recorded.Amount));
        }

        if (!stripe.IsConfigured || await accounts.FindAsync(cancellationToken) is not { } account)
        {
            return BillingResult.Fail<CheckoutConfirmation>(CheckoutErrors.StripeDidNotAnswer);
        }

        var read = await RetrieveAsync(attempt.SessionId!, account.StripeAccountId, cancellationToken);
        if (!read.Succeeded)
        {
            return BillingResult.Fail<CheckoutConfirmation>(read.Errors);
        }

        var session = read.Value!;
        if (!IsFor(session, invoice))
        {
            return BillingResult.Fail<CheckoutConfirmation>(CheckoutErrors.SessionNotFound);
        }

        var outcome = await SettleAsync(attempt, session, cancellationToken);
        return BillingResult.Ok(new CheckoutConfirmation(outcome, attempt, session.AmountTotal ?? attempt.Total));
    }

    /// <summary>
    /// The payment request thank-you page: the request's session as Stripe answers it now, put into the books.
    /// Found by the session id alone (the payer may not be signed in; Stripe's ids are unguessable); a session that
    /// is not a request's attempt here, or whose metadata names another request or practice, is not found.
    /// </summary>
    public async Task<BillingResult<PaymentRequestConfirmation>> ConfirmRequestAsync(string? sessionId, CancellationToken cancellationToken = default)
    {
        var attempt = string.IsNullOrWhiteSpace(sessionId) ? null
            : await db.CheckoutAttempts.AsNoTracking().FirstOrDefaultAsync(a => a.SessionId == sessionId && a.PaymentRequestId != null, cancellationToken);
        if (attempt is null)
        {
            return BillingResult.Fail<PaymentRequestConfirmation>(CheckoutErrors.SessionNotFound);
        }

        var recorded = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.ProviderKey == attempt.SessionId, cancellationToken);
        if (recorded is not null && PaymentRules.Counted.Contains(recorded.Status))
        {
            return BillingResult.Ok(new PaymentRequestConfirmation(CheckoutOutcome.Paid, recorded.Amount, recorded.Currency, recorded.ReceivedOn));
        }

        if (!stripe.IsConfigured || await accounts.FindAsync(cancellationToken) is not { } account)
        {
            return BillingResult.Fail<PaymentRequestConfirmation>(CheckoutErrors.StripeDidNotAnswer);
        }

        var read = await RetrieveAsync(attempt.SessionId!, account.StripeAccountId, cancellationToken);
        if (!read.Succeeded)
        {
            return BillingResult.Fail<PaymentRequestConfirmation>(read.Errors);
        }

        var session = read.Value!;
        if (session.Metadata is not { } metadata
            || metadata.GetValueOrDefault(StripeMetadataKeys.PaymentRequest) != attempt.PaymentRequestId.ToString()
            || metadata.GetValueOrDefault(StripeMetadataKeys.Practice) != tenant.Tenant.Id.ToString())
        {
            return BillingResult.Fail<PaymentRequestConfirmation>(CheckoutErrors.SessionNotFound);
        }

        var outcome = await SettleAsync(attempt, session, cancellationToken);
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.ProviderKey == attempt.SessionId, cancellationToken);
        return BillingResult.Ok(new PaymentRequestConfirmation(outcome, payment?.Amount ?? session.AmountTotal ?? attempt.Total, attempt.Currency, payment?.ReceivedOn));
    }

    /// <summary>
    /// The cancel page: the attempt's session is expired at Stripe so the page left open cannot be paid later.
    /// A session that was paid meanwhile is put into the books and said so.
    /// </summary>
    public async Task<BillingResult<CheckoutConfirmation>> CancelAsync(Invoice invoice, Guid attemptId, CancellationToken cancellationToken = default)
    {
        var attempt = await db.CheckoutAttempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attemptId && a.InvoiceId == invoice.Id, cancellationToken);
        if (attempt is null)
        {
            return BillingResult.Fail<CheckoutConfirmation>(CheckoutErrors.SessionNotFound);
        }

        if (attempt.Status != CheckoutAttemptStatus.Open)
        {
            return BillingResult.Ok(new CheckoutConfirmation(attempt.Status == CheckoutAttemptStatus.Complete ? CheckoutOutcome.Paid : CheckoutOutcome.Expired, attempt, attempt.Total));
        }

        if (attempt.SessionId is null)
        {
            // Stripe never answered for this attempt: there is no page to close.
            await MarkAsync(attempt.Id, CheckoutAttemptStatus.Expired, cancellationToken);
            return BillingResult.Ok(new CheckoutConfirmation(CheckoutOutcome.Expired, attempt, attempt.Total));
        }

        if (!stripe.IsConfigured || await accounts.FindAsync(cancellationToken) is not { } account)
        {
            return BillingResult.Fail<CheckoutConfirmation>(CheckoutErrors.StripeDidNotAnswer);
        }

        var closed = await CloseAsync(attempt, account.StripeAccountId, cancellationToken);
        if (!closed.Succeeded)
        {
            return BillingResult.Fail<CheckoutConfirmation>(closed.Errors);
        }

        var outcome = closed.Value!.Status == "complete" ? await settlement.ApplyAsync(closed.Value, false, cancellationToken) : CheckoutOutcome.Expired;
        return BillingResult.Ok(new CheckoutConfirmation(outcome, attempt, attempt.Total));
    }

    /// <summary>An invoice's Pay: its attempts, the invoice's lines and metadata, and its pages to come back to.</summary>
    private CheckoutSubject InvoiceSubject(Invoice invoice, PayQuote quote, CheckoutPayer payer, CheckoutReturnUrls urls) => new(
        $"invoice {invoice.Id}",
        a => a.OpenInvoiceId == invoice.Id,
        () => new CheckoutAttempt { InvoiceId = invoice.Id, OpenInvoiceId = invoice.Id, ClientUserId = payer.UserId, Amount = quote.Amount, Fee = quote.Fee, Currency = quote.Currency },
        open => open.Amount == quote.Amount && open.Fee == quote.Fee && open.Currency == quote.Currency && open.ClientUserId == payer.UserId,
        attempt => new CheckoutSessionShape(
            $"Invoice {invoice.Number}",
            invoice.Number,
            payer.Email,
            new Dictionary<string, string>
            {
                [StripeMetadataKeys.Practice] = tenant.Tenant.Id.ToString(),
                [StripeMetadataKeys.Invoice] = invoice.Id.ToString(),
                [StripeMetadataKeys.Fee] = attempt.Fee.ToString(CultureInfo.InvariantCulture),
                [StripeMetadataKeys.PaidBy] = payer.UserId.ToString(),
            },
            urls.SuccessUrl,
            urls.CancelUrl(attempt.Id)),
        sessionId => SuccessUrl(urls, sessionId));

    private bool IsFor(Session session, Invoice invoice)
        => session.Metadata is { } metadata
            && metadata.GetValueOrDefault(StripeMetadataKeys.Invoice) == invoice.Id.ToString()
            && metadata.GetValueOrDefault(StripeMetadataKeys.Practice) == tenant.Tenant.Id.ToString();

    internal static string SuccessUrl(CheckoutReturnUrls urls, string sessionId)
        => urls.SuccessUrl.Replace(CheckoutReturnUrls.SessionIdPlaceholder, Uri.EscapeDataString(sessionId), StringComparison.Ordinal);

    /// <summary>Inserts the subject's open attempt; null when a racing click inserted one first (the unique index said so).</summary>
    private async Task<CheckoutAttempt?> OpenAttemptAsync(CheckoutSubject subject, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = options.Value.IsValid ? options.Value.SessionLifetime : new CheckoutOptions().SessionLifetime;
        var expires = now + lifetime;
        if (subject.PayableUntil is { } until && until < expires)
        {
            // The page must close when the subject (a request) does: a Checkout left open must not outlive it.
            expires = until;
        }

        var attempt = subject.NewAttempt();
        attempt.Id = Guid.CreateVersion7();
        // Whole seconds: expires_at is sent in seconds, and a retry must send exactly what the first call sent.
        attempt.ExpiresAt = new DateTime(expires.Ticks - (expires.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        attempt.Status = CheckoutAttemptStatus.Open;
        attempt.CreatedAt = now;
        db.CheckoutAttempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return attempt;
        }
        catch (DbUpdateException)
        {
            return null;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<BillingResult<Session>> CreateSessionAsync(CheckoutAttempt attempt, CheckoutSubject subject, string account, CancellationToken cancellationToken)
    {
        if (attempt.ExpiresAt - clock.GetUtcNow().UtcDateTime < CheckoutOptions.ShortestLifetime)
        {
            // Too late to ask Stripe for this attempt's expires_at: close it and open a fresh one.
            await MarkAsync(attempt.Id, CheckoutAttemptStatus.Expired, cancellationToken);
            return BillingResult.Fail<Session>(AttemptClosed);
        }

        var shape = subject.Shape(attempt);
        var currency = attempt.Currency.ToLowerInvariant();
        var lines = new List<SessionLineItemOptions> { Line(currency, attempt.Amount, shape.Line) };
        if (attempt.Fee > 0)
        {
            lines.Add(Line(currency, attempt.Fee, "Transaction fee"));
        }

        // No payment_method_types: removed in the pinned API version; the account's dynamic methods apply.
        var create = new SessionCreateOptions
        {
            Mode = "payment",
            LineItems = lines,
            CustomerEmail = shape.CustomerEmail,
            ClientReferenceId = shape.ClientReference,
            Metadata = shape.Metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = new Dictionary<string, string>(shape.Metadata), Description = shape.Line },
            SuccessUrl = shape.SuccessUrl,
            CancelUrl = shape.CancelUrl,
            ExpiresAt = attempt.ExpiresAt,
        };
        var service = new SessionService(stripe.Client);
        var request = StripeGateway.Post(StripeIdempotencyKeys.CheckoutSession(attempt.Id), account);
        // Real time, not the portal's clock (tests move that one): this is how long a person waits.
        var started = Stopwatch.GetTimestamp();
        for (var retry = 0; ; retry++)
        {
            try
            {
                var session = await service.CreateAsync(create, request, cancellationToken);
                await db.CheckoutAttempts.Where(a => a.Id == attempt.Id && a.SessionId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.SessionId, session.Id).SetProperty(a => a.Url, session.Url), cancellationToken);
                return BillingResult.Ok(session);
            }
            catch (StripeException e) when (e.HttpStatusCode == HttpStatusCode.Conflict && Stopwatch.GetElapsedTime(started) < InFlightPatience)
            {
                // A parallel click sent this attempt's key and Stripe is still working on it: its answer will be replayed.
                await Task.Delay(TimeSpan.FromMilliseconds(100 * Math.Min(retry + 1, 5)), cancellationToken);
            }
            catch (StripeException e) when (e.HttpStatusCode == HttpStatusCode.TooManyRequests && retry < RateLimitRetries)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 << retry), cancellationToken);
            }
            catch (StripeException e) when (e.StripeError?.Type == "idempotency_error")
            {
                logger.LogWarning("Stripe refused the key of checkout attempt {AttemptId} ({Message}); the attempt is closed", attempt.Id, e.StripeError?.Message);
                await MarkAsync(attempt.Id, CheckoutAttemptStatus.Expired, cancellationToken);
                return BillingResult.Fail<Session>(AttemptClosed);
            }
            catch (Exception e) when (Fault(e, cancellationToken) is { } error)
            {
                if (error == CheckoutErrors.StripeRefused)
                {
                    // Stripe will refuse these parameters again: free the invoice (or request) for a fresh attempt.
                    await MarkAsync(attempt.Id, CheckoutAttemptStatus.Expired, cancellationToken);
                }

                return BillingResult.Fail<Session>(error);
            }
        }
    }

    internal async Task<BillingResult<Session>> RetrieveAsync(string sessionId, string account, CancellationToken cancellationToken)
    {
        try
        {
            var read = new SessionGetOptions { Expand = ["payment_intent"] };
            return BillingResult.Ok(await new SessionService(stripe.Client).GetAsync(sessionId, read, StripeGateway.On(account), cancellationToken));
        }
        catch (StripeException e) when (e.HttpStatusCode == HttpStatusCode.NotFound)
        {
            return BillingResult.Fail<Session>(CheckoutErrors.SessionNotFound);
        }
        catch (Exception e) when (Fault(e, cancellationToken) is { } error)
        {
            return BillingResult.Fail<Session>(error);
        }
    }

    /// <summary>Closes the open attempt of a payment request, if it has one; false when Stripe could not be reached.</summary>
    internal async Task<bool> CloseRequestAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var attempt = await db.CheckoutAttempts.AsNoTracking().FirstOrDefaultAsync(a => a.OpenPaymentRequestId == requestId, cancellationToken);
        if (attempt is null)
        {
            return true;
        }

        if (attempt.SessionId is null)
        {
            await MarkAsync(attempt.Id, CheckoutAttemptStatus.Expired, cancellationToken);
            return true;
        }

        return stripe.IsConfigured
            && await accounts.FindAsync(cancellationToken) is { } account
            && (await CloseAsync(attempt, account.StripeAccountId, cancellationToken)).Succeeded;
    }

    /// <summary>Ends an open attempt: its session expired at Stripe (or found completed, and then put into the books).</summary>
    private async Task<BillingResult<Session>> CloseAsync(CheckoutAttempt attempt, string account, CancellationToken cancellationToken)
    {
        if (attempt.SessionId is null)
        {
            await MarkAsync(attempt.Id, CheckoutAttemptStatus.Expired, cancellationToken);
            return BillingResult.Ok(new Session { Status = "expired" });
        }

        Session session;
        try
        {
            session = await new SessionService(stripe.Client).ExpireAsync(attempt.SessionId, null, StripeGateway.Post(StripeIdempotencyKeys.CheckoutExpire(attempt.Id), account), cancellationToken);
        }
        catch (StripeException e) when (e.HttpStatusCode == HttpStatusCode.BadRequest)
        {
            // Not open any more (paid in another tab, or expired by itself): read what it came to.
            var read = await RetrieveAsync(attempt.SessionId, account, cancellationToken);
            if (read.Errors is [var missing] && missing == CheckoutErrors.SessionNotFound)
            {
                await MarkAsync(attempt.Id, CheckoutAttemptStatus.Expired, cancellationToken);
                return BillingResult.Ok(new Session { Status = "expired" });
            }

            if (!read.Succeeded)
            {
                return BillingResult.Fail<Session>(read.Errors);
            }

            session = read.Value!;
        }
        catch (Exception e) when (Fault(e, cancellationToken) is { } error)
        {
            return BillingResult.Fail<Session>(error);
        }

        await SettleAsync(attempt, session, cancellationToken);
        return BillingResult.Ok(session);
    }

    /// <summary>Puts a session Stripe answered into the books and the attempt's status.</summary>
    internal async Task<CheckoutOutcome> SettleAsync(CheckoutAttempt attempt, Session session, CancellationToken cancellationToken)
    {
        var outcome = await settlement.ApplyAsync(session, false, cancellationToken);
        if (session.Status is "complete" or "expired")
        {
            await MarkAsync(attempt.Id, session.Status == "complete" ? CheckoutAttemptStatus.Complete : CheckoutAttemptStatus.Expired, cancellationToken);
        }

        return outcome;
    }

    private Task<int> MarkAsync(Guid attemptId, CheckoutAttemptStatus status, CancellationToken cancellationToken)
        => db.CheckoutAttempts.Where(a => a.Id == attemptId && a.Status == CheckoutAttemptStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, status).SetProperty(a => a.OpenInvoiceId, (Guid?)null).SetProperty(a => a.OpenPaymentRequestId, (Guid?)null), cancellationToken);

    private static SessionLineItemOptions Line(string currency, long amount, string name) => new()
    {
        Quantity = 1,
        PriceData = new SessionLineItemPriceDataOptions
        {
            Currency = currency,
            UnitAmount = amount,
            ProductData = new SessionLineItemPriceDataProductDataOptions { Name = name },
        },
    };

    /// <summary>What the client is told of a failed call (Stripe.net has already retried 429/5xx/timeouts with the same key); null: not a Stripe fault.</summary>
    private PortalError? Fault(Exception e, CancellationToken cancellationToken)
    {
        switch (e)
        {
            case StripeException s when s.HttpStatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict or >= HttpStatusCode.InternalServerError or 0:
                logger.LogWarning("Stripe did not answer a checkout call: {Status} {Type} request {RequestId}", (int)s.HttpStatusCode, s.StripeError?.Type, s.StripeResponse?.RequestId);
                return CheckoutErrors.StripeDidNotAnswer;
            case StripeException s:
                logger.LogWarning("Stripe refused a checkout call: {Status} {Code} {Message} request {RequestId}", (int)s.HttpStatusCode, s.StripeError?.Code, s.StripeError?.Message, s.StripeResponse?.RequestId);
                return CheckoutErrors.StripeRefused;
            case HttpRequestException:
            case TaskCanceledException when !cancellationToken.IsCancellationRequested:
                logger.LogWarning("Stripe could not be reached for a checkout call: {Error}", e.GetType().Name);
                return CheckoutErrors.StripeDidNotAnswer;
            default:
                return null;
        }
    }
}
