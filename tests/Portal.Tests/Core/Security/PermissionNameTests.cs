using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Security;

/// <summary>
/// Permission and role names come from constants (a module's Permissions class, RoleNames): a
/// misspelt name in [RequirePermission] makes a page nobody can open but the Administrator.
/// </summary>
public sealed partial class PermissionNameTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Fact]
    public void Permission_and_role_names_are_written_as_constants()
    {
        var literals = SourceTree.Files(".cs")
            .SelectMany(file => LiteralName().Matches(file.Text).Select(match => $"{file.Path}: {match.Value}"))
            .ToList();

        Assert.True(literals.Count == 0, "Use the module's Permissions constants or RoleNames:\n" + string.Join('\n', literals));
    }

    [Theory, BothDatabases]
    public async Task Every_permission_an_endpoint_requires_is_declared_by_a_module(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var declared = app.Get<IEnumerable<IPermissionProvider>>().SelectMany(p => p.GetPermissions()).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var required = app.Get<EndpointDataSource>().Endpoints
            .SelectMany(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Where(a => a.Policy?.StartsWith(PermissionPolicyProvider.Prefix, StringComparison.Ordinal) == true)
                .Select(a => (Endpoint: e.DisplayName, Permission: a.Policy![PermissionPolicyProvider.Prefix.Length..])))
            .ToList();

        Assert.True(required.Count >= 20, $"Only {required.Count} permission checks were found: the endpoints were not read.");
        Assert.All(required, r => Assert.True(declared.Contains(r.Permission), $"{r.Endpoint} requires '{r.Permission}', which no module declares."));
    }

    // [RequirePermission("...")] in code (not in a comment), or a default role written as a string: new("Staff", [...]).
    [GeneratedRegex(@"^(?!\s*//).*?(?:\[RequirePermission\(""|new\(""(?:Administrator|Staff)"",\s*\[)", RegexOptions.Multiline)]
    private static partial Regex LiteralName();
}
