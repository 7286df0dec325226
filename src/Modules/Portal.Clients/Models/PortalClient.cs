namespace Portal.Clients.Models;

/// <summary>A client's place in a portal. A unique index on <see cref="ClientId"/> keeps a client in at most one portal.</summary>
public sealed class PortalClient
{
    public Guid Id { get; set; }

    public Guid PortalId { get; set; }

    public Guid ClientId { get; set; }

    public DateTime AddedAt { get; set; }
}
