using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Portal.Admin.Services;
using Portal.Core.Contracts;
using Portal.Core.LoginWidget;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Core.Theming;

namespace Portal.Admin.Pages.Admin.Customize;

/// <summary>
/// The login widget: the practice lists its website origins (the only places the widget's form is
/// accepted from) and copies the snippet for its web designer.
/// </summary>
[RequirePermission(Permissions.ManageSettingsName)]
public sealed class WidgetModel(SiteSettingsStore settings, LinkGenerator links, TenantContext tenant, IAuditLog audit) : PageModel
{
    [BindProperty]
    public WidgetInput Input { get; set; } = new();

    public string FormSnippet { get; private set; } = "";

    public string ButtonSnippet { get; private set; } = "";

    public IReadOnlyList<string> SavedOrigins { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var widget = await settings.GetAsync<LoginWidgetSettings>(HttpContext.RequestAborted);
        Input = new WidgetInput { Origins = string.Join('\n', widget.Origins) };
        await ShowAsync(widget);
    }

    /// <summary>The form snippet alone, for the page's preview frame: sandboxed, no scripts, its form cannot be sent from here.</summary>
    public async Task<IActionResult> OnGetPreviewAsync()
    {
        var branding = await settings.GetAsync<BrandingSettings>(HttpContext.RequestAborted);
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'self'; sandbox";
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        Response.Headers.CacheControl = "no-store";
        var body = LoginWidgetSnippets.Form(tenant.Tenant.DisplayName, branding, SignInAction());

        // The frame is a document of its own to a screen reader: a main landmark and a heading (seen only
        // by assistive technology, the box is the preview) say what it is. The snippet itself stays as
        // pasted: it must not bring a main or an h1 into the practice's website.
        const string VisuallyHidden = "position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0";
        return Content(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Login widget preview</title></head><body style=\"margin:16px;background:#f6f8fa\">"
                + $"<main><h1 style=\"{VisuallyHidden}\">Preview of the sign-in box</h1>{body}</main></body></html>",
            "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var current = await settings.GetAsync<LoginWidgetSettings>(cancellationToken);
        var origins = new List<string>();
        var lines = (Input.Origins ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines)
        {
            var (origin, problem) = WebsiteOrigin.Parse(line);
            if (problem is not null)
            {
                ModelState.AddModelError("Input.Origins", $"“{(line.Length > 60 ? line[..60] + "…" : line)}” {problem}");
            }
            else if (!origins.Contains(origin!, StringComparer.Ordinal))
            {
                origins.Add(origin!);
            }
        }

        var widget = current with { Origins = origins };
        ModelState.AddSettingsProblems(settings.Validate(widget));
        if (!ModelState.IsValid)
        {
            await ShowAsync(current);
            return Page();
        }

        await settings.SaveAsync(widget, cancellationToken);
        await audit.RecordAsync(new AuditEntry(AuditActions.SettingsChanged, AuditTargetTypes.Settings, LoginWidgetSettings.SectionName, $"Origins={string.Join(' ', origins)}"), cancellationToken);
        TempData[TempDataKeys.Status] = origins.Count == 0
            ? "Saved. No website is listed, so the sign-in form is refused wherever it is pasted."
            : $"Saved. The sign-in form is accepted from {string.Join(", ", origins)}.";
        return RedirectToPage();
    }

    private async Task ShowAsync(LoginWidgetSettings widget)
    {
        var branding = await settings.GetAsync<BrandingSettings>(HttpContext.RequestAborted);
        SavedOrigins = widget.Origins;
        FormSnippet = LoginWidgetSnippets.Form(tenant.Tenant.DisplayName, branding, SignInAction());
        ButtonSnippet = LoginWidgetSnippets.Button(tenant.Tenant.DisplayName, branding, Url.Page("/Account/SignIn", pageHandler: null, values: null, protocol: Request.Scheme)!);
    }

    private string SignInAction() => links.GetUriByName(HttpContext, LoginWidgetSettings.SignInEndpointName, values: null)!;
}

public sealed class WidgetInput
{
    /// <summary>One origin per line.</summary>
    public string? Origins { get; set; }
}
