namespace Portal.Sync.Models;

/// <summary>Who a token acts as: the practice, the staff member who approved it, the device, what it may do.</summary>
public sealed record WhoAmI(string Practice, string Subject, string Name, IReadOnlyList<string> Scopes);
