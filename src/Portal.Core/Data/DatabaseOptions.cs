namespace Portal.Core.Data;

/// <summary>Configuration section <c>Portal:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Portal:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>PostgreSQL only: the server connection string (database, user, password, SSL).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>PostgreSQL only: the schema of the host store (practices, jobs, operator accounts).</summary>
    public string HostSchema { get; set; } = "portal_host";

    /// <summary>PostgreSQL only: a practice's schema is this prefix + its name (hyphens become underscores).</summary>
    public string TenantSchemaPrefix { get; set; } = "tenant_";

    /// <summary>SQLite only: a practice's pooled connections are closed once it has been idle this long
    /// (each practice is a database of its own; an open connection costs memory).</summary>
    public TimeSpan IdleConnectionLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>SQLite only: how often idle practices' connections are looked for.</summary>
    public TimeSpan IdleConnectionCheck { get; set; } = TimeSpan.FromSeconds(10);
}
