using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Data;
using Portal.Audit.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;

namespace Portal.Audit;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => Audit.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<AuditDbContext>(AuditDbContext.MigrationsHistoryTable);
        services.AddScoped<IAuditLog, AuditLog>();
    }
}
