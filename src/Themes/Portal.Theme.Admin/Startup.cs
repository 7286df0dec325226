using Portal.Core.Modules;

namespace Portal.Theme.Admin;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => Admin.Manifest.Module;
}
