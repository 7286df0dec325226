using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Mail;
using Portal.Core.Security;
using Portal.Core.Settings;

namespace Portal.Admin.Pages.Admin.Templates;

[RequirePermission("Templates.Manage")]
public sealed class TemplatesModel(MailComposer composer, SiteSettingsStore settings) : PageModel
{
    public IReadOnlyList<MailTemplateDefinition> Templates { get; private set; } = [];

    public IReadOnlySet<string> Edited { get; private set; } = new HashSet<string>();

    public async Task OnGetAsync()
    {
        Templates = composer.Definitions.OrderBy(d => d.DisplayName, StringComparer.CurrentCulture).ToList();
        Edited = (await settings.GetAsync<MailTemplateOverrides>(HttpContext.RequestAborted)).Templates.Keys.ToHashSet();
    }
}
