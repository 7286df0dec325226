using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Portal.Core.Modules;

/// <summary>
/// Gives every Razor page that a module ships the routing metadata of a practice page: available
/// only on a practice's site, and only while its feature (the module's main feature, or the one
/// named by <see cref="FeatureAttribute"/>) is on.
/// </summary>
public sealed class ModulePageConvention(ModuleCatalog catalog) : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var manifest = catalog.FindByAssembly(model.HandlerType.Assembly) ?? catalog.FindByAssembly(model.PageType.Assembly);
        if (manifest is null)
        {
            return;
        }

        var feature = model.HandlerType.GetCustomAttribute<FeatureAttribute>()?.FeatureId
            ?? model.PageType.GetCustomAttribute<FeatureAttribute>()?.FeatureId
            ?? manifest.MainFeature.Id;
        model.EndpointMetadata.Add(TenantOnlyMetadata.Instance);
        model.EndpointMetadata.Add(new FeatureMetadata(feature));
    }
}
