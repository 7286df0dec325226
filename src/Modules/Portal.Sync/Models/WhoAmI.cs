namespace Portal.Sync.Models;

/// <summary>Who a token acts as: the practice, the staff member who approved it, what it may do, and which kinds the practice takes now (<see cref="Api.SyncKinds"/>).</summary>
public sealed record WhoAmI(string Practice, string Subject, string Name, IReadOnlyList<string> Scopes, IReadOnlyList<string> Kinds);
