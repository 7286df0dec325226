using Portal.Billing.Services;

namespace Portal.Tests.Billing;

/// <summary>A refund takes back the unallocated part first, then the invoice's part, then the fee.</summary>
public sealed class RefundSplitTests
{
    [Theory]
    [InlineData(0L, 10_320L, 0L, 10_000L, 10_000L)] // full refund: the whole invoice part
    [InlineData(0L, 5_000L, 0L, 10_000L, 5_000L)] // partial: all from the invoice
    [InlineData(5_000L, 5_100L, 0L, 10_000L, 5_000L)] // crosses into the fee: only what was left of the invoice
    [InlineData(10_000L, 320L, 0L, 10_000L, 0L)] // only the fee is left
    [InlineData(0L, 3_000L, 2_000L, 8_000L, 1_000L)] // the unallocated part goes first
    [InlineData(0L, 1_500L, 2_000L, 8_000L, 0L)]
    [InlineData(0L, 1L, 0L, 0L, 0L)] // a payment that paid no invoice
    public void Split(long already, long amount, long unallocated, long allocated, long expected)
        => Assert.Equal(expected, RefundSplit.InvoicePart(already, amount, unallocated, allocated));

    [Fact]
    public void Partial_refunds_split_like_one_refund_of_their_sum()
    {
        var parts = new[] { 1_234L, 4_000L, 3_000L, 2_086L };
        long already = 0, fromInvoice = 0;
        foreach (var part in parts)
        {
            fromInvoice += RefundSplit.InvoicePart(already, part, 500, 9_500);
            already += part;
        }

        Assert.Equal(RefundSplit.InvoicePart(0, parts.Sum(), 500, 9_500), fromInvoice);
        Assert.Equal(9_500, fromInvoice);
    }
}
