using Portal.Core.Contracts;

namespace Portal.Clients.Services;

/// <summary>What the Clients module's audit actions mean, for the audit trail's sentences and filter.</summary>
internal sealed class ClientAuditActionDescriptions : IAuditActionDescriptions
{
    public IEnumerable<AuditActionDescription> Describe() =>
    [
        new(ClientAuditActions.ClientCreated, "Client added", "added the client {target}"),
        new(ClientAuditActions.ClientUpdated, "Client changed", "changed the details of {target}"),
        new(ClientAuditActions.ClientArchived, "Client archived", "archived {target}"),
        new(ClientAuditActions.ClientRestored, "Client made active again", "made {target} active again"),
        new(ClientAuditActions.ClientsImported, "Clients imported", "imported {target}"),
        new(ClientAuditActions.PortalCreated, "Portal created", "created the portal {target}"),
        new(ClientAuditActions.PortalRenamed, "Portal renamed", "renamed the portal {target}"),
        new(ClientAuditActions.PortalDeleted, "Portal deleted", "deleted the portal {target}"),
        new(ClientAuditActions.PortalClientAdded, "Client added to a portal", "added a client to the portal {target}"),
        new(ClientAuditActions.PortalClientRemoved, "Client taken out of a portal", "took a client out of the portal {target}"),
    ];
}
