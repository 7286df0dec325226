using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Contracts;
using Portal.Core.Mail;
using Portal.Core.Security;
using Portal.Core.Settings;

namespace Portal.Admin.Pages.Admin.Templates;

[RequirePermission("Templates.Manage")]
public sealed class EditTemplateModel(MailComposer composer, MailTemplateRenderer renderer, SiteSettingsStore settings, IAuditLog audit) : PageModel
{
    public MailTemplateDefinition Definition { get; private set; } = null!;

    [BindProperty]
    public string Subject { get; set; } = "";

    [BindProperty]
    public string Html { get; set; } = "";

    [BindProperty]
    public string Text { get; set; } = "";

    public bool IsEdited { get; private set; }

    public List<string> Errors { get; } = [];

    public IEnumerable<string> Placeholders => Definition.SampleModel.Keys.Concat(["practiceName", "portalUrl", "brandColor"]);

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

        if (string.IsNullOrWhiteSpace(Subject))
        {
            Errors.Add("The subject cannot be empty.");
        }

        foreach (var (part, source) in new[] { ("subject", Subject), ("HTML body", Html), ("plain-text body", Text) })
        {
            if (renderer.Check(source ?? "") is { } problem)
            {
                Errors.Add($"The {part} cannot be read: {problem}");
            }
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var overrides = await settings.GetAsync<MailTemplateOverrides>(HttpContext.RequestAborted);
        var updated = new MailTemplateOverrides { Templates = new(overrides.Templates, StringComparer.Ordinal) };
        updated.Templates[name] = new MailTemplateOverride { Subject = Subject, Html = Html ?? "", Text = Text ?? "" };
        await settings.SaveAsync(updated, HttpContext.RequestAborted);
        await audit.RecordAsync(new AuditEntry(AuditActions.SettingsChanged, AuditTargetTypes.MailTemplate, name, "edited"));
        TempData["Status"] = "Template saved. E-mails sent from now on use it.";
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
        TempData["Status"] = "The standard wording is back.";
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
        IsEdited = (await settings.GetAsync<MailTemplateOverrides>(HttpContext.RequestAborted)).Templates.ContainsKey(name);
        return true;
    }
}
