namespace Portal.Core.Contracts;

/// <summary>Whether the practice has set up a client portal yet (a client in a portal), for the getting-started assistant.</summary>
public interface IClientPortalPresence
{
    Task<bool> AnyClientInAPortalAsync(CancellationToken cancellationToken = default);
}
