namespace Portal.StripeEmulator.Webhooks;

/// <summary>What happened when the emulator sent an event to an endpoint (read through the control API).</summary>
public sealed record DeliveryAttempt(string EventId, string EventType, string? Account, Uri Url, int Attempt, int? StatusCode, string? Error, bool Succeeded, DateTimeOffset At);
