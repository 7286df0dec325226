using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Admin.Pages.Admin.Features;

[RequirePermission(Permissions.ManageFeaturesName)]
public sealed class FeaturesModel(ModuleCatalog catalog, TenantFeatures features) : PageModel
{
    public IReadOnlyList<IGrouping<string, FeatureDescriptor>> Categories { get; private set; } = [];

    public IReadOnlySet<string> Enabled { get; private set; } = new HashSet<string>();

    public IReadOnlySet<string> AlwaysOn => catalog.Features.AlwaysOn;

    public string NameOf(string id) => catalog.Features.Find(id)?.Name ?? id;

    public void OnGet() => Load();

    public async Task<IActionResult> OnPostEnableAsync(string id)
    {
        var change = await features.EnableAsync([id], HttpContext.RequestAborted);
        if (change.Succeeded)
        {
            TempData[TempDataKeys.Status] = change.Changed.Count switch
            {
                0 => $"{NameOf(id)} was already on.",
                1 => $"{change.Changed[0].Name} is on.",
                _ => $"Switched on: {string.Join(", ", change.Changed.Select(f => f.Name))}.",
            };
        }
        else
        {
            TempData[TempDataKeys.Error] = change.Error;
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id)
    {
        var change = await features.DisableAsync(id, HttpContext.RequestAborted);
        if (change.Succeeded)
        {
            TempData[TempDataKeys.Status] = $"{NameOf(id)} is off.";
        }
        else
        {
            TempData[TempDataKeys.Error] = change.Error;
        }

        return RedirectToPage();
    }

    private void Load()
    {
        Enabled = features.Enabled;
        Categories = catalog.Features.Ordered
            .OrderBy(f => f.Category, StringComparer.CurrentCulture).ThenBy(f => f.Name, StringComparer.CurrentCulture)
            .GroupBy(f => f.Category)
            .ToList();
    }
}
