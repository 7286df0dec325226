using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Modules;

namespace Portal.Clients;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => Clients.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }
}
