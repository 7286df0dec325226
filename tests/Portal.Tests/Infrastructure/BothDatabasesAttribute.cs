using System.Reflection;
using Portal.Core.Data;
using Xunit.Sdk;

namespace Portal.Tests.Infrastructure;

/// <summary>Runs a theory once on SQLite and once on PostgreSQL (bitwarden's [DatabaseData] idea).</summary>
public sealed class BothDatabasesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [DatabaseProvider.Sqlite];
        yield return [DatabaseProvider.Postgres];
    }
}
