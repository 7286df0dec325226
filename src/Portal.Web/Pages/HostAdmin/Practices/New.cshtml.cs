using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;

namespace Portal.Web.Pages.HostAdmin.Practices;

public sealed class NewPracticeModel(TenantSetupService setup, RecipeCatalog recipes, IOptions<TenancyOptions> tenancy) : PageModel
{
    [BindProperty]
    public NewPracticeInput Input { get; set; } = new();

    public List<SelectListItem> Recipes { get; } = [];

    public string BaseDomain => tenancy.Value.BaseDomain;

    public string? SetupError { get; private set; }

    public async Task OnGetAsync() => await LoadRecipesAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadRecipesAsync();

        // Setup is not tied to the browser: closing the tab must not leave a half-made practice.
        var result = await setup.SetupAsync(
            new TenantSetupRequest(Input.Name.Trim().ToLowerInvariant(), Input.DisplayName, Input.AdminEmail, Input.Recipe),
            CancellationToken.None);
        if (result.Succeeded)
        {
            TempData["Status"] = $"{Input.DisplayName.Trim()} is ready. A set-password link was e-mailed to {Input.AdminEmail.Trim()}.";
            return Redirect($"~/admin/practices/{Input.Name.Trim().ToLowerInvariant()}");
        }

        if (result.Field is not null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{result.Field switch { nameof(TenantSetupRequest.RecipeName) => nameof(NewPracticeInput.Recipe), _ => result.Field }}", result.Error!);
        }
        else
        {
            SetupError = result.Error;
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadRecipesAsync()
    {
        IReadOnlyList<RecipeDescriptor> all;
        try
        {
            all = await recipes.ListAsync(HttpContext.RequestAborted);
        }
        catch (RecipeException ex)
        {
            SetupError = ex.Message;
            return;
        }

        foreach (var recipe in all.Where(r => r.IsSetupRecipe))
        {
            Recipes.Add(new SelectListItem($"{recipe.DisplayName}: {recipe.Description}", recipe.Name, recipe.Name == Input.Recipe));
        }
    }
}

public sealed class NewPracticeInput
{
    public string Name { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string AdminEmail { get; set; } = "";

    public string Recipe { get; set; } = "practice";
}
