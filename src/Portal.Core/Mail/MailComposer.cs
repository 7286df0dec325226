using System.Net;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Core.Theming;

namespace Portal.Core.Mail;

/// <summary>
/// Turns a template and a model into a branded e-mail for the current practice: the practice's
/// name, logo and color frame the template's HTML, and the text part gets a plain signature.
/// </summary>
public sealed class MailComposer(
    IEnumerable<MailTemplateDefinition> definitions,
    MailTemplateRenderer renderer,
    SiteSettingsStore settings,
    TenantContext tenantContext,
    TenantUrls urls)
{
    private readonly Dictionary<string, MailTemplateDefinition> _definitions = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<MailTemplateDefinition> Definitions => _definitions.Values;

    public MailTemplateDefinition? FindDefinition(string name) => _definitions.GetValueOrDefault(name);

    public async Task<MailDraft> ComposeAsync(string templateName, IReadOnlyList<string> to, IReadOnlyDictionary<string, object?> model, CancellationToken cancellationToken = default)
    {
        var definition = FindDefinition(templateName) ?? throw new InvalidOperationException($"No e-mail template named '{templateName}'.");
        var overrides = await settings.GetAsync<MailTemplateOverrides>(cancellationToken);
        var source = overrides.Templates.TryGetValue(templateName, out var edited)
            ? (edited.Subject, edited.Html, edited.Text)
            : (definition.Subject, definition.Html, definition.Text);
        var rendered = await RenderAsync(source.Subject, source.Html, source.Text, model, cancellationToken);
        return new MailDraft(to, rendered.Subject, rendered.Html, rendered.Text, templateName);
    }

    /// <summary>Renders arbitrary template text (the editor's live preview uses this).</summary>
    public async Task<RenderedMail> RenderAsync(string subject, string html, string text, IReadOnlyDictionary<string, object?> model, CancellationToken cancellationToken = default)
    {
        var tenant = tenantContext.Tenant;
        var branding = await settings.GetAsync<BrandingSettings>(cancellationToken);
        var site = await settings.GetAsync<SiteSettings>(cancellationToken);
        var baseUrl = urls.BaseUrl(tenant);
        var values = new Dictionary<string, object?>(model, StringComparer.Ordinal)
        {
            ["practiceName"] = tenant.DisplayName,
            ["portalUrl"] = baseUrl,
            ["brandColor"] = branding.Primary,
        };

        var renderedSubject = renderer.RenderText(subject, values).ReplaceLineEndings(" ").Trim();
        var body = renderer.RenderHtml(html, values);
        var renderedText = renderer.RenderText(text, values);
        return new RenderedMail(
            renderedSubject,
            Frame(body, tenant.DisplayName, baseUrl, branding, site),
            renderedText.TrimEnd() + "\n\n--\n" + tenant.DisplayName + "\n" + baseUrl + "\n");
    }

    private static string Frame(string body, string practiceName, string baseUrl, BrandingSettings branding, SiteSettings site)
    {
        var color = branding.Primary;
        var name = WebUtility.HtmlEncode(practiceName);
        var logo = branding.HasLogo
            ? $"<img src=\"{WebUtility.HtmlEncode(baseUrl)}{WebUtility.HtmlEncode(BrandingLogo.PathOf(branding))}\" alt=\"{name}\" height=\"40\" style=\"display:block;max-height:40px\">"
            : $"<span style=\"font-size:20px;font-weight:600;color:{color}\">{name}</span>";
        var contact = site.ContactEmail is null ? "" : $" &middot; {WebUtility.HtmlEncode(site.ContactEmail)}";
        return
            "<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"></head>" +
            "<body style=\"margin:0;padding:0;background:#f4f6f8;font-family:Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1d2733\">" +
            "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"><tr><td align=\"center\" style=\"padding:24px 12px\">" +
            "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:600px;background:#ffffff;border-radius:8px;overflow:hidden\">" +
            $"<tr><td style=\"padding:20px 28px;border-bottom:4px solid {color}\">{logo}</td></tr>" +
            $"<tr><td style=\"padding:24px 28px;font-size:15px;line-height:1.55\">{body}</td></tr>" +
            $"<tr><td style=\"padding:16px 28px;background:#f9fafb;color:#5b6775;font-size:12px\">{name}{contact}</td></tr>" +
            "</table></td></tr></table></body></html>";
    }
}

public sealed record RenderedMail(string Subject, string Html, string Text);
