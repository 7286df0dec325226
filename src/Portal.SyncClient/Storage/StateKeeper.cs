namespace PortalSync.Storage;

/// <summary>
/// A run's <see cref="SyncState"/> while its uploads go beside its batches. Every read, change and save
/// passes one gate: a save never serializes a dictionary the other side is changing, and two saves never
/// race their renames (an older snapshot renamed last would forget an acknowledged batch or where an
/// upload is, and the next run would send more than the one batch in flight).
/// </summary>
internal sealed class StateKeeper(ClientFiles files, SyncState state) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

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
    public async Task SaveAsync(Action<SyncState> change, CancellationToken cancellationToken)
    {
        await EnterAsync();
        try
        {
            change(state);
            await files.SaveStateAsync(state, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    // A change records what the portal already did, so it is made even when the run is being stopped:
    // the run's last save (which is not cancelled) then keeps it. The wait is at most one save.
    private Task EnterAsync() => _gate.WaitAsync(CancellationToken.None);
}
