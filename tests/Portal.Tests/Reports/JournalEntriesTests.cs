using Portal.Reports.Journals;

namespace Portal.Tests.Reports;

/// <summary>A payment is Dr clearing net, Dr fees, Cr receivable gross (with the customer); a refund reverses it.</summary>
public sealed class JournalEntriesTests
{
    [Fact]
    public void A_payment_with_a_fee_debits_clearing_the_net_and_fees_the_fee_and_credits_the_customer_the_gross()
    {
        var entry = JournalEntries.For(JournalSamples.Transactions[0], 7);

        Assert.Equal(7, entry.Number);
        Assert.Equal(new DateOnly(2026, 3, 15), entry.Date);
        Assert.Equal("pi_123", entry.Reference);
        Assert.Equal("Payment pi_123 from Smith Co for INV-42", entry.Narration);
        Assert.Equal(
            [
                new JournalLine(JournalAccount.Clearing, 9_680, null, "Net receipt"),
                new JournalLine(JournalAccount.Fees, 320, null, "Processor fee"),
                new JournalLine(JournalAccount.Receivable, -10_000, "Smith Co", "INV-42"),
            ],
            entry.Lines);
        Assert.True(entry.IsBalanced);
    }

    [Fact]
    public void A_payment_without_a_fee_has_no_fee_line()
    {
        var entry = JournalEntries.For(JournalSamples.Transactions[1], 1);

        Assert.Equal([JournalAccount.Clearing, JournalAccount.Receivable], entry.Lines.Select(l => l.Account));
        Assert.Equal([25_000L, -25_000L], entry.Lines.Select(l => l.Amount));
    }

    [Fact]
    public void A_refund_is_the_reversing_entry_for_the_amount_refunded()
    {
        var refund = JournalEntries.For(JournalSamples.Transactions[0] with { Kind = AccountingTransactionKind.Refund, Reference = "re_1" }, 2);
        var payment = JournalEntries.For(JournalSamples.Transactions[0], 1);

        Assert.Equal(payment.Lines.Select(l => (l.Account, -l.Amount, l.Name)), refund.Lines.Select(l => (l.Account, l.Amount, l.Name)));
        Assert.All(payment.Lines.Zip(refund.Lines), pair => Assert.Equal(0, pair.First.Amount + pair.Second.Amount));
        Assert.Equal("Refund re_1 to Smith Co of INV-42", refund.Narration);
        Assert.Equal(10_000, refund.Lines.Single(l => l.Account == JournalAccount.Receivable).Debit);
    }

    [Fact]
    public async Task Every_entry_of_the_samples_balances_and_they_are_numbered_in_order()
    {
        var entries = new List<JournalEntry>();
        await foreach (var entry in JournalSamples.Entries())
        {
            entries.Add(entry);
        }

        Assert.Equal(Enumerable.Range(1001, 6).Select(n => (long)n), entries.Select(e => e.Number));
        Assert.All(entries, e => Assert.Equal(0, e.Lines.Sum(l => l.Amount)));
        Assert.All(entries, e => Assert.Equal(e.Lines.Sum(l => l.Debit), e.Lines.Sum(l => l.Credit)));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-100, 0)]
    [InlineData(100, 101)]
    [InlineData(100, -1)]
    public void An_amount_or_fee_out_of_range_is_refused(long gross, long fee)
        => Assert.Throws<ArgumentException>(() => JournalEntries.For(JournalSamples.Transactions[0] with { Gross = gross, Fee = fee }, 1));
}
