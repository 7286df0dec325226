namespace Portal.Billing.Services;

/// <summary>
/// How a refund divides between what an online payment was made of. Refunds take back, in this order: the
/// unallocated part (money the invoice never counted), then the invoice's part, then the pass-through fee
/// last. So a partial refund reopens the invoice by exactly what the client got back, and the fee goes back
/// only with a refund of (nearly) everything. Cumulative, so a series of partial refunds splits the same as
/// one refund of their sum, and nothing is taken from the invoice twice.
/// </summary>
public static class RefundSplit
{
    /// <param name="alreadyRefunded">What earlier refunds (pending or succeeded) gave back.</param>
    /// <param name="amount">This refund.</param>
    /// <param name="unallocated">The payment's unallocated amount.</param>
    /// <param name="allocated">What the payment paid on its invoice.</param>
    /// <returns>What of this refund comes off the invoice's paid amount.</returns>
    public static long InvoicePart(long alreadyRefunded, long amount, long unallocated, long allocated)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(alreadyRefunded);
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        return Covered(alreadyRefunded + amount, unallocated, allocated) - Covered(alreadyRefunded, unallocated, allocated);
    }

    private static long Covered(long refunded, long unallocated, long allocated) => Math.Clamp(refunded - unallocated, 0, Math.Max(allocated, 0));
}
