namespace Portal.Core.Data;

public enum DatabaseProvider
{
    /// <summary>A SQLite file per practice under App_Data (the embedded default).</summary>
    Sqlite,

    /// <summary>One PostgreSQL database, a schema per practice plus one for the host store.</summary>
    Postgres,
}
