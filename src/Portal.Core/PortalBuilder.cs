using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Modules;

namespace Portal.Core;

/// <summary>Collects the modules composed into the host; each module registers itself through its Startup.</summary>
public sealed class PortalBuilder(IServiceCollection services, IConfiguration configuration)
{
    private readonly List<ModuleStartup> _startups = [];

    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;

    public IReadOnlyList<ModuleStartup> Startups => _startups;

    public PortalBuilder AddModule<TStartup>()
        where TStartup : ModuleStartup, new()
        => AddModule(new TStartup());

    public PortalBuilder AddModule(ModuleStartup startup)
    {
        _startups.Add(startup);
        startup.ConfigureServices(Services, Configuration);
        return this;
    }

    internal ModuleCatalog BuildCatalog() => new(_startups);
}
