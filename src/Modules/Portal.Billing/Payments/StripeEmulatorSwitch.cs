namespace Portal.Billing.Payments;

/// <summary>
/// <c>Portal:Payments:Stripe:Emulator</c>: when enabled (the Demo environment), Portal.Web starts the
/// built-in Stripe emulator and points the Stripe options at it. The emulator refuses Production.
/// </summary>
public sealed class StripeEmulatorSwitch
{
    public bool Enabled { get; set; }
}
