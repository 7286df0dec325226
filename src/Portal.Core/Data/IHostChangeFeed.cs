namespace Portal.Core.Data;

/// <summary>
/// In-memory state that every server keeps current from the host store (the practice registry, the
/// settings versions): told at once by a PostgreSQL <c>NOTIFY</c> on <see cref="Channel"/>, and
/// polled as the fallback (the only way on SQLite). See <see cref="HostChangeListener"/>.
/// </summary>
public interface IHostChangeFeed
{
    /// <summary>The PostgreSQL channel another server notifies after a change.</summary>
    string Channel { get; }

    /// <summary>Another server announced a change; <paramref name="payload"/> is what it sent (may be empty).</summary>
    Task OnNotifiedAsync(string payload, CancellationToken cancellationToken);

    /// <summary>The polling fallback: a cheap check of the host store, and a reload when something changed.</summary>
    Task RefreshIfStaleAsync(CancellationToken cancellationToken);
}
