namespace Portal.Clients.Services;

/// <summary>Audit actions of clients and portals (access to portals uses the shared AuditActions.PortalAccess*).</summary>
public static class ClientAuditActions
{
    public const string ClientCreated = "clients.client.created";
    public const string ClientUpdated = "clients.client.updated";
    public const string ClientArchived = "clients.client.archived";
    public const string ClientRestored = "clients.client.restored";
    public const string ClientsImported = "clients.client.imported";
    public const string PortalCreated = "clients.portal.created";
    public const string PortalRenamed = "clients.portal.renamed";
    public const string PortalDeleted = "clients.portal.deleted";
    public const string PortalClientAdded = "clients.portal.client-added";
    public const string PortalClientRemoved = "clients.portal.client-removed";
}
