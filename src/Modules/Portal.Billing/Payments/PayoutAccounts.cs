using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Stripe;

namespace Portal.Billing.Payments;

/// <summary>
/// The practice's Stripe connected account (seed 004's "Setup payments"): created once, onboarded through
/// Account Links, its standing copied from Stripe. Checkout and refunds read <see cref="FindAsync"/> for the
/// account to charge on; the webhook handler hands account.updated to <see cref="ApplyAsync"/>.
/// </summary>
public sealed class PayoutAccounts(
    BillingDbContext db,
    StripeGateway stripe,
    TenantContext tenant,
    IAuditLog audit,
    ICurrentActor actor,
    TimeProvider clock,
    ILogger<PayoutAccounts> logger)
{
    public const string PracticeMetadataKey = "portal_practice_id";

    public Task<PayoutAccount?> FindAsync(CancellationToken cancellationToken = default)
        => db.PayoutAccounts.AsNoTracking().OrderBy(a => a.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// "Set up payments": the connected account (created on the first call only) and a fresh onboarding
    /// link to send the browser to. A failure of the link leaves the account stored, so the next click reuses it.
    /// </summary>
    public async Task<BillingResult<AccountLink>> StartOnboardingAsync(string? email, OnboardingUrls urls, CancellationToken cancellationToken = default)
    {
        var account = await EnsureAccountAsync(email, cancellationToken);
        if (!account.Succeeded)
        {
            return BillingResult.Fail<AccountLink>(account.Errors);
        }

        await audit.RecordAsync(new AuditEntry(BillingAuditActions.PaymentsSetupStarted, BillingAuditTargets.PayoutAccount, account.Value!.StripeAccountId, "started Stripe onboarding"), cancellationToken);
        return await NewLinkAsync(urls, cancellationToken);
    }

    /// <summary>A new onboarding link (Stripe's links are single use and short-lived: refresh_url lands here).</summary>
    public async Task<BillingResult<AccountLink>> NewLinkAsync(OnboardingUrls urls, CancellationToken cancellationToken = default)
    {
        if (!stripe.IsConfigured)
        {
            return BillingResult.Fail<AccountLink>(ConnectErrors.Unavailable);
        }

        var stored = await FindAsync(cancellationToken);
        if (stored is null)
        {
            return BillingResult.Fail<AccountLink>(ConnectErrors.NotStarted);
        }

        var options = new AccountLinkCreateOptions
        {
            Account = stored.StripeAccountId,
            Type = "account_onboarding",
            RefreshUrl = urls.RefreshUrl,
            ReturnUrl = urls.ReturnUrl,
        };
        return await CallAsync(() => new AccountLinkService(stripe.Client).CreateAsync(options, StripeGateway.Post(StripeIdempotencyKeys.AccountLink(stored.StripeAccountId, Guid.NewGuid())), cancellationToken));
    }

    /// <summary>Reads the account from Stripe and stores its standing (the return from onboarding, and the page).</summary>
    public async Task<BillingResult<PayoutAccount>> RefreshAsync(CancellationToken cancellationToken = default)
    {
        if (!stripe.IsConfigured)
        {
            return BillingResult.Fail<PayoutAccount>(ConnectErrors.Unavailable);
        }

        var stored = await FindAsync(cancellationToken);
        if (stored is null)
        {
            return BillingResult.Fail<PayoutAccount>(ConnectErrors.NotStarted);
        }

        var read = await CallAsync(() => new AccountService(stripe.Client).GetAsync(stored.StripeAccountId, null, null, cancellationToken));
        if (!read.Succeeded)
        {
            return BillingResult.Fail<PayoutAccount>(read.Errors);
        }

        var applied = await ApplyAsync(read.Value!, cancellationToken);
        return BillingResult.Ok(applied!);
    }

    /// <summary>
    /// Stores what Stripe says of the account (account.updated's object, or a retrieve). An account that is
    /// not this practice's changes nothing and answers null.
    /// </summary>
    public async Task<PayoutAccount?> ApplyAsync(Account account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var stored = await db.PayoutAccounts.FirstOrDefaultAsync(a => a.StripeAccountId == account.Id, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        stored.ChargesEnabled = account.ChargesEnabled;
        stored.PayoutsEnabled = account.PayoutsEnabled;
        stored.DetailsSubmitted = account.DetailsSubmitted;
        stored.CurrentlyDue = Truncated(string.Join(",", account.Requirements?.CurrentlyDue ?? []));
        stored.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return stored;
    }

    private async Task<BillingResult<PayoutAccount>> EnsureAccountAsync(string? email, CancellationToken cancellationToken)
    {
        if (!stripe.IsConfigured)
        {
            return BillingResult.Fail<PayoutAccount>(ConnectErrors.Unavailable);
        }

        // The stored id first: Stripe keeps idempotency keys for a day only, the practice's account forever.
        if (await FindAsync(cancellationToken) is { } existing)
        {
            return BillingResult.Ok(existing);
        }

        var practiceId = tenant.Tenant.Id;
        var options = new AccountCreateOptions
        {
            Type = "express",
            Country = stripe.ConnectCountry,
            Email = string.IsNullOrWhiteSpace(email) ? null : email,
            Capabilities = new AccountCapabilitiesOptions
            {
                CardPayments = new AccountCapabilitiesCardPaymentsOptions { Requested = true },
                Transfers = new AccountCapabilitiesTransfersOptions { Requested = true },
            },
            Metadata = new Dictionary<string, string> { [PracticeMetadataKey] = practiceId.ToString() },
        };
        var created = await CallAsync(() => new AccountService(stripe.Client).CreateAsync(options, StripeGateway.Post(StripeIdempotencyKeys.ConnectedAccount(practiceId)), cancellationToken));
        if (!created.Succeeded)
        {
            return BillingResult.Fail<PayoutAccount>(created.Errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var row = new PayoutAccount
        {
            StripeAccountId = created.Value!.Id,
            ChargesEnabled = created.Value.ChargesEnabled,
            PayoutsEnabled = created.Value.PayoutsEnabled,
            DetailsSubmitted = created.Value.DetailsSubmitted,
            CurrentlyDue = Truncated(string.Join(",", created.Value.Requirements?.CurrentlyDue ?? [])),
            CreatedAt = now,
            CreatedBy = actor.Actor.UserId,
            UpdatedAt = now,
        };
        db.PayoutAccounts.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A racing click stored the same account (same idempotency key, same acct id): use that row.
            db.ChangeTracker.Clear();
            if (await FindAsync(cancellationToken) is { } raced)
            {
                return BillingResult.Ok(raced);
            }

            throw;
        }

        return BillingResult.Ok(row);
    }

    /// <summary>One call to Stripe (Stripe.net has already retried 429/5xx/timeouts with the same key): failures become words.</summary>
    private async Task<BillingResult<T>> CallAsync<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return BillingResult.Ok(await call());
        }
        catch (StripeException e) when (e.HttpStatusCode is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError or 0)
        {
            logger.LogWarning("Stripe did not answer: {Status} {Type} request {RequestId}", (int)e.HttpStatusCode, e.StripeError?.Type, e.StripeResponse?.RequestId);
            return BillingResult.Fail<T>(ConnectErrors.StripeDidNotAnswer);
        }
        catch (StripeException e)
        {
            logger.LogWarning("Stripe refused a call: {Status} {Code} request {RequestId}", (int)e.HttpStatusCode, e.StripeError?.Code, e.StripeResponse?.RequestId);
            return BillingResult.Fail<T>(ConnectErrors.StripeRefused(e.StripeError?.Message));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("Stripe could not be reached: {Error}", e.GetType().Name);
            return BillingResult.Fail<T>(ConnectErrors.StripeDidNotAnswer);
        }
    }

    private static string Truncated(string due) => due.Length <= PayoutAccount.CurrentlyDueMaxLength ? due : due[..PayoutAccount.CurrentlyDueMaxLength];
}
