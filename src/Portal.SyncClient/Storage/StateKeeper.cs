namespace PortalSync.Storage;

/// <summary>
/// A run's <see cref="SyncState"/> while its uploads go beside its batches. Every read, change and save
/// passes one gate: a save never serializes a dictionary the other side is changing, and two saves never
/// race their renames (an older snapshot renamed last would forget an acknowledged batch or where an
/// upload is, and the next run would send more than the one batch in flight).
/// </summary>
internal sealed class StateKeeper(ClientFiles files, SyncState state, TimeProvider clock) : IDisposable
{
    /// <summary>
    /// How often <see cref="SaveSoonAsync"/> writes at most. Measured: the state of 10,000 contacts is
    /// megabytes, and writing it twice per uploaded file (1,000 files) took the run longer than its
    /// batches. A change it holds back is written by the next save that is due (<see cref="SaveIfDueAsync"/>
    /// after every chunk), so a kill loses at most this much: an upload started again, never a duplicate.
    /// </summary>
    public static readonly TimeSpan SoonEnough = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset? _savedAt;
    private bool _unsaved;

    public async Task<T> ReadAsync<T>(Func<SyncState, T> read, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return read(state);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Changes the state in memory; the next save writes it.</summary>
    public async Task ChangeAsync(Action<SyncState> change)
    {
        await EnterAsync();
        try
        {
            change(state);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Changes the state and writes it before anyone can change it again.</summary>
    public Task SaveAsync(Action<SyncState> change, CancellationToken cancellationToken) => SaveAsync(change, soon: false, cancellationToken);

    /// <summary>
    /// Changes the state and writes it unless it was written less than <see cref="SoonEnough"/> ago; then
    /// the next save writes it (the run's last save always does).
    /// </summary>
    public Task SaveSoonAsync(Action<SyncState> change, CancellationToken cancellationToken) => SaveAsync(change, soon: true, cancellationToken);

    private async Task SaveAsync(Action<SyncState> change, bool soon, CancellationToken cancellationToken)
    {
        await EnterAsync();
        try
        {
            change(state);
            if (soon && !Due())
            {
                _unsaved = true;
                return;
            }

            await WriteAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes what <see cref="SaveSoonAsync"/> held back, once <see cref="SoonEnough"/> has passed since the last write.</summary>
    public async Task SaveIfDueAsync(CancellationToken cancellationToken)
    {
        if (!Volatile.Read(ref _unsaved))
        {
            return;
        }

        await EnterAsync();
        try
        {
            if (_unsaved && Due())
            {
                await WriteAsync(cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    // A clock set back counts as time passed: a write is never held back for longer than a second.
    private bool Due() => _savedAt is not { } savedAt || clock.GetUtcNow() - savedAt is var since && (since >= SoonEnough || since < TimeSpan.Zero);

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        await files.SaveStateAsync(state, cancellationToken);
        _unsaved = false;
        _savedAt = clock.GetUtcNow();
    }

    // A change records what the portal already did, so it is made even when the run is being stopped:
    // the run's last save (which is not cancelled) then keeps it. The wait is at most one save.
    private Task EnterAsync() => _gate.WaitAsync(CancellationToken.None);
}
