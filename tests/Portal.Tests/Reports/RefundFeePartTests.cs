using Portal.Billing.Models;
using Portal.Reports.Exports;

namespace Portal.Tests.Reports;

/// <summary>A refund's fee line in an export: refunds reach the pass-through fee only after the rest of the payment, as Billing splits them.</summary>
public sealed class RefundFeePartTests
{
    [Fact]
    public void Partial_refunds_give_the_fee_back_last_and_in_total_exactly_once()
    {
        var payment = new Payment { Id = Guid.NewGuid(), Amount = 10_320, FeeAmount = 320 };
        var refunds = new List<Refund>
        {
            new() { Id = Guid.NewGuid(), PaymentId = payment.Id, Amount = 6_000 },
            new() { Id = Guid.NewGuid(), PaymentId = payment.Id, Amount = 4_100 },
            new() { Id = Guid.NewGuid(), PaymentId = payment.Id, Amount = 220 },
        };

        var parts = refunds.Select(r => AccountingTransactionSource.FeePart(payment, refunds, r)).ToList();

        Assert.Equal([0L, 100L, 220L], parts);
        Assert.Equal(payment.FeeAmount, parts.Sum());
    }

    [Fact]
    public void A_full_refund_of_a_payment_without_fee_has_no_fee_part()
    {
        var payment = new Payment { Id = Guid.NewGuid(), Amount = 5_000, FeeAmount = 0 };
        var refund = new Refund { Id = Guid.NewGuid(), PaymentId = payment.Id, Amount = 5_000 };
        Assert.Equal(0L, AccountingTransactionSource.FeePart(payment, [refund], refund));
    }
}
