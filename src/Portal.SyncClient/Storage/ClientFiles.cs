using PortalSync.Hosting;

namespace PortalSync.Storage;

/// <summary>The program's files in the user's configuration folder.</summary>
internal sealed class ClientFiles(string folder)
{
    public string Folder { get; } = folder;

    public string ConnectionPath => Path.Combine(Folder, "connection.json");

    public string SettingsPath => Path.Combine(Folder, "settings.json");

    public string StatePath => Path.Combine(Folder, "state.json");

    public Task<StoredConnection?> ReadConnectionAsync(CancellationToken cancellationToken) => JsonFiles.ReadAsync<StoredConnection>(ConnectionPath, cancellationToken);

    public async Task<StoredConnection> RequireConnectionAsync(CancellationToken cancellationToken)
        => await ReadConnectionAsync(cancellationToken) ?? throw new FatalException("Not connected to a portal: run portal-sync login <portal address> first.");

    public Task SaveConnectionAsync(StoredConnection connection, CancellationToken cancellationToken) => JsonFiles.WriteAsync(ConnectionPath, connection, cancellationToken);

    public void DeleteConnection() => File.Delete(ConnectionPath);

    public async Task<ClientSettings> ReadSettingsAsync(CancellationToken cancellationToken) => await JsonFiles.ReadAsync<ClientSettings>(SettingsPath, cancellationToken) ?? new ClientSettings();

    public Task SaveSettingsAsync(ClientSettings settings, CancellationToken cancellationToken) => JsonFiles.WriteAsync(SettingsPath, settings, cancellationToken);

    public async Task<SyncState> ReadStateAsync(Uri portal, CancellationToken cancellationToken)
    {
        var state = await JsonFiles.ReadAsync<SyncState>(StatePath, cancellationToken);
        // A state of another portal says nothing about this one: start from nothing.
        return state is not null && state.Portal == portal ? state : new SyncState { Portal = portal };
    }

    public async Task<SyncState?> ReadAnyStateAsync(CancellationToken cancellationToken) => await JsonFiles.ReadAsync<SyncState>(StatePath, cancellationToken);

    public Task SaveStateAsync(SyncState state, CancellationToken cancellationToken) => JsonFiles.WriteAsync(StatePath, state, cancellationToken);
}
