namespace Portal.Sync.Models;

/// <summary>What a person is asked to approve, shown the same way for the browser and the device flow.</summary>
public sealed record ConsentRequest(string Application, string DeviceName, string? IpAddress, IReadOnlyList<string> Abilities);
