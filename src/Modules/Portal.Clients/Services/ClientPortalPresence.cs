using Microsoft.EntityFrameworkCore;
using Portal.Clients.Data;
using Portal.Core.Contracts;

namespace Portal.Clients.Services;

internal sealed class ClientPortalPresence(ClientsDbContext db) : IClientPortalPresence
{
    public Task<bool> AnyClientInAPortalAsync(CancellationToken cancellationToken = default) => db.PortalClients.AnyAsync(cancellationToken);
}
