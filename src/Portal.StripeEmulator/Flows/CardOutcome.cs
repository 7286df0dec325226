using Portal.StripeEmulator.State;

namespace Portal.StripeEmulator.Flows;

/// <summary>What a test card does: pays, or fails with a card error (shown to the payer).</summary>
internal sealed record CardOutcome(PaymentError? Error)
{
    public bool Succeeded => Error is null;
}
