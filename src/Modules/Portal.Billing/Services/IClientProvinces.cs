namespace Portal.Billing.Services;

/// <summary>
/// The province a client is in, for the fee pass-through's province rule (no surcharge in Quebec). Clients
/// do not record a province yet: the default answers "unknown" (the fee applies), and the Clients module
/// plugs its own implementation in when it keeps one.
/// </summary>
public interface IClientProvinces
{
    /// <summary>The two-letter code (such as QC), or null when not known.</summary>
    Task<string?> ProvinceOfAsync(Guid clientId, CancellationToken cancellationToken = default);
}

/// <summary>No client province is recorded anywhere yet.</summary>
internal sealed class UnrecordedClientProvinces : IClientProvinces
{
    public Task<string?> ProvinceOfAsync(Guid clientId, CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
}
