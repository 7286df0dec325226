namespace PortalSync.Api;

/// <summary>GET /api/v1/whoami.</summary>
internal sealed record WhoAmI(string? Practice, string? Subject, string? Name, IReadOnlyList<string>? Scopes);
