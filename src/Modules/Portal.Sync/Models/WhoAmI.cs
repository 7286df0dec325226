namespace Portal.Sync.Models;

/// <summary>
/// Who a token acts as: the practice, the staff member who approved it, what it may do, which kinds the
/// practice takes now (<see cref="Api.SyncKinds"/>), and whether file uploads may go on beside batches:
/// on PostgreSQL they may; SQLite has one writer at a time, and measured, an upload beside a batch waited
/// many seconds for each of its writes (SQLite's busy handler polls, the batch takes the lock back at once).
/// </summary>
public sealed record WhoAmI(string Practice, string Subject, string Name, IReadOnlyList<string> Scopes, IReadOnlyList<string> Kinds, bool UploadsBesideBatches);
