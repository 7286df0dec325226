using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Tests.Infrastructure;
using Portal.Tests.StripeEmulator;

namespace Portal.Tests.Billing;

/// <summary>
/// A practice onboarded on the emulator (its webhooks wired to the portal) taking payments, and secure payment
/// requests paid through Billing's <see cref="IPaymentRequestPayments"/> as SecureMail's Pay button pays them.
/// </summary>
internal sealed record PaymentRequestScenario(WebhookScenario Webhooks)
{
    public const long Amount = 10_000;
    public const string PayerEmail = "payer@example.com";
    public const string Subject = "December bookkeeping";

    public BillingScenario Billing => Webhooks.Billing;

    public static async Task<PaymentRequestScenario> CreateAsync(StripeWebhookApps apps, DatabaseProvider provider, bool passFee = true)
    {
        var webhooks = await WebhookScenario.CreateAsync(await apps.WiredAsync(provider), apps.Emulator);
        await webhooks.Billing.SettingsAsync(s => s with { PaymentsEnabled = true, PassFeeToClient = passFee, FeeCapPercent = null });
        return new PaymentRequestScenario(webhooks);
    }

    public PaymentRequestCharge Charge(string? invoiceNumber, Guid? requestId = null, long amount = Amount, bool includeFee = true, DateTime? payableUntil = null)
        => new(requestId ?? Guid.NewGuid(), Billing.ClientId, PayerEmail, Subject, invoiceNumber, amount, "CAD", includeFee, Billing.Staff.Id, new Uri($"http://{Billing.Practice.Name}.localhost/secure/unlocked"), payableUntil ?? DateTime.UtcNow.AddDays(30));

    public Task<PaymentRequestCheckout> StartAsync(PaymentRequestCharge charge)
        => Billing.InPracticeAsync(sp => sp.GetRequiredService<IPaymentRequestPayments>().StartCheckoutAsync(charge));

    /// <summary>Starts Checkout for the request and pays it by card on the emulator's hosted page; answers the thank-you address Stripe sends the browser to.</summary>
    public async Task<Uri> PayAsync(PaymentRequestCharge charge)
    {
        var started = await StartAsync(charge);
        Assert.True(started.Succeeded, started.Error);
        var paid = await HostedCheckout.PayByCardAsync(Webhooks.Browser, started.RedirectTo!.ToString(), WebhookScenario.GoodCard);
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        return paid.Headers.Location!;
    }

    public Task<List<Payment>> PaymentsAsync(Guid requestId)
        => Billing.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().Payments.AsNoTracking().Where(p => p.PaymentRequestId == requestId).ToListAsync());

    public Task<List<PaymentAllocation>> AllocationsAsync(Guid paymentId)
        => Billing.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().Allocations.AsNoTracking().Where(a => a.PaymentId == paymentId).ToListAsync());

    public Task<List<CheckoutAttempt>> AttemptsAsync(Guid requestId)
        => Billing.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().CheckoutAttempts.AsNoTracking().Where(a => a.PaymentRequestId == requestId).ToListAsync());

    /// <summary>The request's PaymentRequestPaymentChanged events in the practice's outbox, in the order they were published.</summary>
    public async Task<List<PaymentRequestPaymentChanged>> EventsAsync(Guid requestId)
    {
        var rows = await Billing.InPracticeAsync(sp => sp.GetRequiredService<CoreTenantDbContext>().DomainEvents.AsNoTracking()
            .Where(e => e.Type == PaymentRequestPaymentChanged.EventType).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Select(e => e.Payload).ToListAsync());
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        return [.. rows.Select(r => JsonSerializer.Deserialize<PaymentRequestPaymentChanged>(r, web)!).Where(e => e.RequestId == requestId)];
    }

    public Task WaitForPaymentAsync(Guid requestId, PaymentStatus status)
        => Eventually.TrueAsync(async () => (await PaymentsAsync(requestId)).Any(p => p.Status == status), timeout: TimeSpan.FromMinutes(1), what: $"the payment of request {requestId} to be {status}");
}
