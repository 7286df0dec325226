namespace Portal.StripeEmulator.Flows;

/// <summary>What the payer typed on the hosted checkout page (digits only in <see cref="Number"/>).</summary>
internal sealed record CardDetails(string Number, string Name)
{
    public string Last4 => Number[^4..];
}
