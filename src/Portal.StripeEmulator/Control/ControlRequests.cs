namespace Portal.StripeEmulator.Control;

/// <summary>Queue a fault for the next <see cref="Count"/> API requests: an HTTP status (429, 500) or a delay.</summary>
internal sealed record FaultRequest(int Count, int? Status = null, int? DelayMilliseconds = null);

/// <summary>Settle a delayed (bank debit) payment of a Checkout Session.</summary>
internal sealed record AsyncPaymentRequest(bool Succeeded);

/// <summary>What Stripe now asks of a connected account.</summary>
internal sealed record RequirementsRequest(IReadOnlyList<string> CurrentlyDue, bool? ChargesEnabled = null, bool? PayoutsEnabled = null);

/// <summary>Move the emulator's clock forward.</summary>
internal sealed record ClockAdvanceRequest(int Seconds);

/// <summary>Add a webhook endpoint while the emulator runs.</summary>
internal sealed record WebhookEndpointRequest(Uri Url, IReadOnlyList<string> Secrets, bool Connect);

/// <summary>How many API requests the queued faults will still apply to.</summary>
internal sealed record PendingFaults(int Count);
