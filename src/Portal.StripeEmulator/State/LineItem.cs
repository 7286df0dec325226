namespace Portal.StripeEmulator.State;

/// <summary>One line of a Checkout Session (from <c>line_items[n][price_data]</c>).</summary>
internal sealed record LineItem(string Name, string? Description, long UnitAmount, long Quantity)
{
    public long Total => UnitAmount * Quantity;
}
