namespace PortalSync.Data;

/// <summary>The practice's side of the change feed: online payments, client messages, completed tasks.</summary>
internal interface IWriteBackSink
{
    /// <summary>Writes the records (an event already written is skipped); returns how many were new.</summary>
    Task<int> WriteAsync(IReadOnlyList<OnlinePayment> payments, IReadOnlyList<ClientMessage> messages, IReadOnlyList<CompletedTask> tasks, CancellationToken cancellationToken);
}
