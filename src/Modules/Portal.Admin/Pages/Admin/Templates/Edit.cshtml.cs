using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Mail;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Settings;

namespace Portal.Admin.Pages.Admin.Templates;

[RequirePermission(Permissions.ManageTemplatesName)]
public sealed class EditTemplateModel(MailComposer composer, SiteSettingsStore settings, IAuditLog audit) : PageModel
{
    public MailTemplateDefinition Definition { get; private set; } = null!;

    [BindProperty]
    public string Subject { get; set; } = "";

    [BindProperty]
    public string Html { get; set; } = "";

    [BindProperty]
    public string Text { get; set; } = "";

    public bool IsEdited { get; private set; }

    /// <summary>Why the practice's version is not used: it was saved in the old syntax and could not be converted.</summary>
    public string? ConversionProblem { get; private set; }

    public IEnumerable<string> Placeholders => Definition.SampleModel.Keys.Concat(MailComposer.PracticeValues);

    public async Task<IActionResult> OnGetAsync(string name)
    {
        if (!await LoadAsync(name))
        {
            return NotFound();
        }

        var overrides = await settings.GetAsync<MailTemplateOverrides>(HttpContext.RequestAborted);
        (Subject, Html, Text) = overrides.Templates.TryGetValue(name, out var edited)
            ? (edited.Subject, edited.Html, edited.Text)
            : (Definition.Subject, Definition.Html, Definition.Text);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string name)
    {
        if (!await LoadAsync(name))
        {
            return NotFound();
        }

        // The checks below say what is wrong in words; an empty body is allowed, as it always was.
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Subject))
        {
            ModelState.AddModelError(nameof(Subject), "The subject cannot be empty.");
        }

        var problems = await composer.CheckAsync(Definition, Subject ?? "", Html ?? "", Text ?? "", HttpContext.RequestAborted);
        foreach (var (part, problem) in problems)
        {
            ModelState.AddModelError(part switch { MailTemplatePart.Subject => nameof(Subject), MailTemplatePart.Html => nameof(Html), _ => nameof(Text) }, problem.ToString());
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var overrides = await settings.GetAsync<MailTemplateOverrides>(HttpContext.RequestAborted);
        var updated = new MailTemplateOverrides { Templates = new(overrides.Templates, StringComparer.Ordinal) };
        updated.Templates[name] = new MailTemplateOverride { Subject = Subject!, Html = Html ?? "", Text = Text ?? "" };
        await settings.SaveAsync(updated, HttpContext.RequestAborted);
        await audit.RecordAsync(new AuditEntry(AuditActions.SettingsChanged, AuditTargetTypes.MailTemplate, name, "edited"));
        TempData[TempDataKeys.Status] = "Template saved. E-mails sent from now on use it.";
        return RedirectToPage(new { name });
    }

    public async Task<IActionResult> OnPostResetAsync(string name)
    {
        if (!await LoadAsync(name))
        {
            return NotFound();
        }

        var overrides = await settings.GetAsync<MailTemplateOverrides>(HttpContext.RequestAborted);
        var updated = new MailTemplateOverrides { Templates = new(overrides.Templates.Where(t => t.Key != name), StringComparer.Ordinal) };
        await settings.SaveAsync(updated, HttpContext.RequestAborted);
        await audit.RecordAsync(new AuditEntry(AuditActions.SettingsChanged, AuditTargetTypes.MailTemplate, name, "reset to standard"));
        TempData[TempDataKeys.Status] = "The standard wording is back.";
        return RedirectToPage(new { name });
    }

    private async Task<bool> LoadAsync(string name)
    {
        var definition = composer.FindDefinition(name);
        if (definition is null)
        {
            return false;
        }

        Definition = definition;
        var edited = (await settings.GetAsync<MailTemplateOverrides>(HttpContext.RequestAborted)).Templates.GetValueOrDefault(name);
        IsEdited = edited is not null;
        ConversionProblem = edited?.ConversionProblem;
        return true;
    }
}
