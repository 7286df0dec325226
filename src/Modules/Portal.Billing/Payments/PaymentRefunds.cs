using System.Net;
using Microsoft.Extensions.Logging;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Stripe;
using PaymentMethod = Portal.Billing.Models.PaymentMethod;
using Refund = Portal.Billing.Models.Refund;

namespace Portal.Billing.Payments;

/// <summary>
/// Refunds an online payment at Stripe (POST /v1/refunds on the practice's connected account) and records
/// Stripe's answer. The Idempotency-Key is the form's attempt, so a retry (Stripe.net's, or the person's
/// after "try again") makes one refund; the refund carries our id in metadata, so charge.refunded arriving
/// first records the same row.
/// </summary>
public sealed class PaymentRefunds(
    PaymentLedger ledger,
    RefundBook book,
    PayoutAccounts accounts,
    StripeGateway stripe,
    TenantContext tenant,
    ICurrentActor actor,
    ILogger<PaymentRefunds> logger)
{
    /// <summary>Why the payment cannot be refunded from the portal at all; null when it can.</summary>
    public static PortalError? CheckRefundable(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.Method != PaymentMethod.Online || (payment.PaymentIntentId is null && payment.ChargeId is null))
        {
            return RefundErrors.NotOnline;
        }

        return payment.Status is PaymentStatus.Succeeded or PaymentStatus.PartlyRefunded && Left(payment) > 0 ? null : RefundErrors.NotRefundable;
    }

    public static long Left(Payment payment) => payment.Amount - payment.RefundedAmount;

    public async Task<BillingResult<Refund>> RefundAsync(RefundRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await ledger.FindAsync(request.PaymentId, cancellationToken) is not { } payment)
        {
            return BillingResult.Fail<Refund>(BillingErrors.PaymentNotFound);
        }

        if (CheckRefundable(payment) is { } refusal)
        {
            return BillingResult.Fail<Refund>(refusal);
        }

        var errors = new List<PortalError>();
        var amount = Left(payment);
        if (!string.IsNullOrWhiteSpace(request.Amount))
        {
            if (!Money.TryParse(request.Amount, out amount, out var problem))
            {
                errors.Add(BillingErrors.AmountInvalid("Amount", problem!));
            }
            else if (amount <= 0)
            {
                errors.Add(BillingErrors.AmountNotPositive("Amount"));
            }
            else if (amount > Left(payment))
            {
                errors.Add(RefundErrors.OverLeft(Left(payment), payment.Currency));
            }
        }

        if (request.Reason is not { } reason || !Enum.IsDefined(reason))
        {
            errors.Add(RefundErrors.ReasonRequired);
        }

        if (request.Note?.Trim().Length > Refund.NoteMaxLength)
        {
            errors.Add(RefundErrors.NoteTooLong);
        }

        if (errors.Count > 0)
        {
            return BillingResult.Fail<Refund>(errors);
        }

        if (!stripe.IsConfigured)
        {
            return BillingResult.Fail<Refund>(ConnectErrors.Unavailable);
        }

        if (await accounts.FindAsync(cancellationToken) is not { } account)
        {
            return BillingResult.Fail<Refund>(RefundErrors.NoPayoutAccount);
        }

        var options = new RefundCreateOptions
        {
            PaymentIntent = payment.PaymentIntentId,
            Charge = payment.PaymentIntentId is null ? payment.ChargeId : null,
            Amount = amount,
            Reason = StripeRefundWords.Reason(request.Reason!.Value),
            Metadata = new Dictionary<string, string>
            {
                [StripeMetadataKeys.Practice] = tenant.Tenant.Id.ToString(),
                [StripeMetadataKeys.Refund] = request.Attempt.ToString(),
            },
        };
        Stripe.Refund made;
        try
        {
            made = await new RefundService(stripe.Client).CreateAsync(options, StripeGateway.Post(StripeIdempotencyKeys.Refund(request.Attempt), account.StripeAccountId), cancellationToken);
        }
        catch (StripeException e) when (e.HttpStatusCode is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError or 0)
        {
            logger.LogWarning("Stripe did not answer a refund: {Status} {Type} request {RequestId}", (int)e.HttpStatusCode, e.StripeError?.Type, e.StripeResponse?.RequestId);
            return BillingResult.Fail<Refund>(ConnectErrors.StripeDidNotAnswer);
        }
        catch (StripeException e)
        {
            logger.LogWarning("Stripe refused a refund: {Status} {Code} request {RequestId}", (int)e.HttpStatusCode, e.StripeError?.Code, e.StripeResponse?.RequestId);
            return BillingResult.Fail<Refund>(ConnectErrors.StripeRefused(e.StripeError?.Message));
        }

        var recorded = await book.RecordAsync(
            new RefundRecording(request.Attempt, payment.Id, made.Id, made.Amount, made.Currency ?? payment.Currency, request.Reason, request.Note, StripeRefundWords.Status(made.Status), actor.Actor.UserId),
            cancellationToken);
        return BillingResult.Ok(recorded.Refund);
    }
}
