using Microsoft.AspNetCore.Routing;
using Portal.Core.Modules;
using Portal.Theme.Client.Endpoints;

namespace Portal.Theme.Client;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => Client.Manifest.Module;

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapBrandingEndpoints();
}
