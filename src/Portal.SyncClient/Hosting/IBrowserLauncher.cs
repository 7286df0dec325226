namespace PortalSync.Hosting;

/// <summary>Opens an address in the person's browser.</summary>
internal interface IBrowserLauncher
{
    /// <returns>false when no browser could be started (the address is printed anyway).</returns>
    Task<bool> OpenAsync(Uri address, CancellationToken cancellationToken);
}
