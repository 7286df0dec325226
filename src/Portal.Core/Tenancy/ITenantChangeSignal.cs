namespace Portal.Core.Tenancy;

/// <summary>Tells the other servers that the registry changed (PostgreSQL NOTIFY; nothing on SQLite).</summary>
public interface ITenantChangeSignal
{
    Task PublishAsync(CancellationToken cancellationToken);
}
