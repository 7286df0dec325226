using Portal.Core.Tenancy;

namespace Portal.Tests.Core.Tenancy;

public sealed class TenantResolverTests
{
    private static readonly TenantRegistrySnapshot Registry = new(
        [
            Tenant("acme", TenantState.Running, "portal.acme-cpa.com"),
            Tenant("beta", TenantState.Running),
            Tenant("closed", TenantState.Disabled),
            Tenant("newbie", TenantState.Initializing),
        ],
        DateTime.UtcNow,
        4);

    [Theory]
    // host + prefix: the host names the practice and the path repeats it
    [InlineData("acme.localhost", "/t/acme/admin", "acme", "/t/acme")]
    // host
    [InlineData("acme.localhost", "/", "acme", "")]
    [InlineData("ACME.LocalHost", "/documents", "acme", "")]
    [InlineData("acme.localhost.", "/", "acme", "")]
    // a prefix that names another practice is only a path on this practice's site
    [InlineData("acme.localhost", "/t/beta/", "acme", "")]
    // prefix on the platform's host
    [InlineData("localhost", "/t/beta", "beta", "/t/beta")]
    [InlineData("localhost", "/t/beta/account/signin", "beta", "/t/beta")]
    [InlineData("localhost", "/t/BETA/", "beta", "/t/beta")]
    // custom domain
    [InlineData("portal.acme-cpa.com", "/", "acme", "")]
    [InlineData("Portal.Acme-CPA.com", "/t/acme/x", "acme", "/t/acme")]
    // states are resolved; the middleware decides what to answer
    [InlineData("closed.localhost", "/", "closed", "")]
    [InlineData("localhost", "/t/newbie/", "newbie", "/t/newbie")]
    public void Resolves_practices(string host, string path, string expected, string pathBase)
    {
        var match = TenantResolver.Resolve(Registry, "localhost", host, path);

        Assert.Equal(TenantMatchKind.Tenant, match.Kind);
        Assert.Equal(expected, match.Tenant!.Name);
        Assert.Equal(pathBase, match.PathBase);
    }

    [Theory]
    [InlineData("nobody.localhost", "/", "nobody")]
    [InlineData("localhost", "/t/nobody/admin", "nobody")]
    [InlineData("a.b.localhost", "/", "a.b")]
    public void Unknown_practices_are_reported_with_the_requested_name(string host, string path, string requested)
    {
        var match = TenantResolver.Resolve(Registry, "localhost", host, path);

        Assert.Equal(TenantMatchKind.Unknown, match.Kind);
        Assert.Equal(requested, match.RequestedName);
    }

    [Theory]
    [InlineData("localhost", "/")]
    [InlineData("localhost", "/admin")]
    [InlineData("localhost", "/tea")]
    [InlineData("localhost", "/t/")]
    [InlineData("www.localhost", "/")]
    [InlineData("other-domain.example", "/")]
    public void Everything_else_is_the_platform_site(string host, string path)
    {
        Assert.Equal(TenantMatchKind.Host, TenantResolver.Resolve(Registry, "localhost", host, path).Kind);
    }

    [Fact]
    public void A_configured_base_domain_replaces_localhost()
    {
        var match = TenantResolver.Resolve(Registry, "portal.example", "beta.portal.example", "/");
        Assert.Equal("beta", match.Tenant?.Name);
        Assert.Equal(TenantMatchKind.Host, TenantResolver.Resolve(Registry, "portal.example", "beta.localhost", "/").Kind);
    }

    private static TenantDescriptor Tenant(string name, TenantState state, params string[] hosts)
        => new(name, name, state, hosts, [], 1, null);
}
