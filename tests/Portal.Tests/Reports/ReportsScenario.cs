using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Modules;
using Portal.Core.Tenancy;
using Portal.Tests.Billing;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Reports;

/// <summary>
/// A billing practice with Reports on and three November payments: a cheque (paid, no fee), a card
/// payment with a pass-through fee (paid) and a card payment still pending.
/// </summary>
internal sealed record ReportsScenario(BillingScenario Billing, Payment Cheque, Payment Card, Payment Pending)
{
    public const long CardNet = 10_000;
    public const long CardFee = 320;

    public static async Task<ReportsScenario> CreateAsync(PortalApplication app)
    {
        var billing = await BillingScenario.CreateAsync(app);
        await billing.InPracticeAsync(sp => sp.GetRequiredService<TenantFeatures>().EnableAsync([Portal.Reports.Manifest.Feature], default));
        billing = billing with { Practice = app.Get<TenantRegistry>().Find(billing.Practice.Name)! };

        var first = await billing.InvoiceAsync("INV-1", 10_000);
        var cheque = await billing.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().RecordOfflineAsync(
            new OfflinePaymentDraft(billing.ClientId, PaymentMethod.Cheque, new DateOnly(2026, 11, 3), "CHQ 101", 10_000, "CAD", [new AllocationDraft(first.Id, 10_000)])));
        var second = await billing.InvoiceAsync("INV-2", CardNet);
        var card = await OnlineAsync(billing, new OnlinePaymentDraft("cs_test_card", second.Id, CardNet + CardFee, CardFee, "CAD", PaymentStatus.Succeeded, new DateOnly(2026, 11, 10)) { ChargeId = "ch_test_card" });
        var third = await billing.InvoiceAsync("INV-3", 5_000, clientId: billing.OtherClientId);
        var pending = await OnlineAsync(billing, new OnlinePaymentDraft("cs_test_pending", third.Id, 5_000, 0, "CAD", PaymentStatus.Pending, new DateOnly(2026, 11, 12)) { ChargeId = "ch_test_pending" });
        return new ReportsScenario(billing, cheque.Value ?? throw new InvalidOperationException(string.Join(" ", cheque.Errors.Select(e => e.Message))), card, pending);
    }

    public Task<HttpClient> AdminAsync() => Billing.App.SignedInClientAsync(Billing.Practice, Billing.Admin);

    public Task<HttpClient> StaffAsync() => Billing.App.SignedInClientAsync(Billing.Practice, Billing.Staff);

    /// <summary>Stripe refunded the whole card payment (fee included), as the refund page or charge.refunded records it.</summary>
    public Task<RecordedRefund> RefundCardAsync()
        => Billing.InPracticeAsync(sp => sp.GetRequiredService<RefundBook>().RecordAsync(
            new RefundRecording(null, Card.Id, "re_test_card", CardNet + CardFee, "CAD", RefundReason.RequestedByCustomer, null, RefundStatus.Succeeded, Billing.Admin.Id)));

    private static async Task<Payment> OnlineAsync(BillingScenario billing, OnlinePaymentDraft draft)
    {
        var recorded = await billing.InPracticeAsync(sp => sp.GetRequiredService<PaymentLedger>().RecordOnlineAsync(draft));
        return recorded.Value?.Payment ?? throw new InvalidOperationException(string.Join(" ", recorded.Errors.Select(e => e.Message)));
    }
}
