using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;
using Portal.Core.Navigation;
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
        var name = Input.Name?.Trim().ToLowerInvariant() ?? "";
        var adminName = Input.AdminName?.Trim() ?? "";
        if (adminName.Length == 0)
        {
            // Their first e-mail greets them by it: "Dear Practice administrator" reads as a form letter.
            ModelState.AddModelError($"{nameof(Input)}.{nameof(NewPracticeInput.AdminName)}", "Enter the administrator's name, as their first e-mail should greet them.");
        }

        // Setup is not tied to the browser: closing the tab must not leave a half-made practice.
        var request = new TenantSetupRequest(name, Input.DisplayName ?? "", Input.AdminEmail ?? "", Input.Recipe ?? "") { AdminName = adminName };
        var result = ModelState.IsValid
            ? await setup.SetupAsync(request, CancellationToken.None)
            : await setup.ValidateAsync(request, CancellationToken.None);
        if (result.Succeeded && ModelState.IsValid)
        {
            TempData[TempDataKeys.Status] = $"{Input.DisplayName!.Trim()} is ready. A set-password link was e-mailed to {Input.AdminEmail!.Trim()}.";
            return RedirectToPage("/HostAdmin/Practices/Details", new { name });
        }

        foreach (var (field, error) in result.FieldErrors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{(field == nameof(TenantSetupRequest.RecipeName) ? nameof(NewPracticeInput.Recipe) : field)}", error);
        }

        if (result.FieldErrors.Count == 0 && result.Error is not null)
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

/// <summary>What the operator types; an empty field binds as null.</summary>
public sealed class NewPracticeInput
{
    public string? Name { get; set; } = "";

    public string? DisplayName { get; set; } = "";

    public string? AdminEmail { get; set; } = "";

    public string? AdminName { get; set; } = "";

    public string? Recipe { get; set; } = "practice";
}
