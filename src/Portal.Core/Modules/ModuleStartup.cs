using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Modules;

/// <summary>
/// A module's single entry point, as in Orchard Core: its manifest, its services and its endpoints.
/// Permissions, admin menu items, recipe steps and jobs are contributed through DI in
/// <see cref="ConfigureServices"/>.
/// </summary>
public abstract class ModuleStartup
{
    public abstract ModuleManifest Manifest { get; }

    public virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>
    /// Services that depend on another module being in the host, each declared with
    /// <see cref="RequireFeaturesAttribute"/>; the catalog applies only those whose features exist.
    /// </summary>
    public virtual IReadOnlyList<ModuleIntegration> Integrations => [];

    /// <summary>
    /// Adds middleware that runs for every request after authentication and authorization (e.g. to
    /// send a user who must first change their password to that page). Keep it cheap.
    /// </summary>
    public virtual void ConfigureMiddleware(Microsoft.AspNetCore.Builder.IApplicationBuilder app)
    {
    }

    /// <summary>
    /// Maps the module's minimal-API endpoints. The builder is already scoped to practices and to the
    /// module's main feature; an endpoint that also needs another feature (its module's or another
    /// module's) adds <see cref="FeatureMetadata"/> of its own: it is there only while all are on.
    /// </summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
