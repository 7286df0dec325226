using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Commands;
using Portal.Audit.Data;
using Portal.Audit.Endpoints;
using Portal.Audit.Services;
using Portal.Core;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Audit;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => Audit.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<AuditDbContext>(AuditDbContext.MigrationsHistoryTable);
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton<AuditActionCatalog>();
        services.AddSingleton<AuditDetailsText>();
        services.AddScoped<AuditNames>();
        services.AddScoped<AuditSentences>();
        services.AddSingleton<IPortalCommand, VerifyAuditCommand>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuProvider, AdminMenu>();
        AuditDeniedAccess(services);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapAuditExportEndpoints();

    /// <summary>
    /// Wraps the handler that answers authorization results: the framework's, or one a module registered
    /// earlier, which keeps working as before.
    /// </summary>
    private static void AuditDeniedAccess(IServiceCollection services)
    {
        var existing = services.LastOrDefault(d => d.ServiceType == typeof(IAuthorizationMiddlewareResultHandler) && !d.IsKeyedService);
        if (existing is not null)
        {
            services.Remove(existing);
        }

        services.AddSingleton<IAuthorizationMiddlewareResultHandler>(provider => new AccessDeniedAuditor(existing switch
        {
            null => new AuthorizationMiddlewareResultHandler(),
            { ImplementationInstance: IAuthorizationMiddlewareResultHandler instance } => instance,
            { ImplementationFactory: { } factory } => (IAuthorizationMiddlewareResultHandler)factory(provider),
            _ => (IAuthorizationMiddlewareResultHandler)ActivatorUtilities.CreateInstance(provider, existing.ImplementationType!),
        }));
    }
}
