namespace Portal.StripeEmulator.State;

/// <summary>The one API version the emulator speaks: Stripe.net 53.1.0's.</summary>
internal static class StripeApiVersion
{
    public const string Current = "2026-10-28.endive";
}
