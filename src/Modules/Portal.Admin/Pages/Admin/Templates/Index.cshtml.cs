using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Mail;
using Portal.Core.Security;
using Portal.Core.Settings;

namespace Portal.Admin.Pages.Admin.Templates;

[RequirePermission(Permissions.ManageTemplatesName)]
public sealed class TemplatesModel(MailComposer composer, SiteSettingsStore settings) : PageModel
{
    public IReadOnlyList<MailTemplateDefinition> Templates { get; private set; } = [];

    public IReadOnlySet<string> Edited { get; private set; } = new HashSet<string>();

    /// <summary>Edited templates that could not be converted from the old syntax (the standard wording is sent meanwhile).</summary>
    public IReadOnlySet<string> NeedAttention { get; private set; } = new HashSet<string>();

    public async Task OnGetAsync()
    {
        Templates = composer.Definitions.OrderBy(d => d.DisplayName, StringComparer.CurrentCulture).ToList();
        var overrides = (await settings.GetAsync<MailTemplateOverrides>(HttpContext.RequestAborted)).Templates;
        Edited = overrides.Keys.ToHashSet();
        NeedAttention = overrides.Where(t => t.Value.ConversionProblem is not null).Select(t => t.Key).ToHashSet();
    }
}
