namespace Portal.E2E.Infrastructure;

/// <summary>The database the application under test runs on (its Portal:Database:Provider setting).</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
