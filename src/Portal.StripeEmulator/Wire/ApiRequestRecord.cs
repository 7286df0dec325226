namespace Portal.StripeEmulator.Wire;

/// <summary>One API request the emulator received: method, path, query, the connected account and the raw form body.</summary>
public sealed record ApiRequestRecord(string Method, string Path, string Query, string? Account, string Body, DateTimeOffset At);
