using System.Net;
using Microsoft.Extensions.Logging;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Core.Theming;

namespace Portal.Core.Mail;

/// <summary>
/// Turns a Liquid template and a model into a branded e-mail for the current practice: the practice's
/// name, logo and color frame the template's HTML, and the text part gets a plain signature. A
/// practice's edited template is used when it renders; when it does not (or could not be converted
/// from the old syntax), the built-in one is sent instead and the failure is logged, so an edit never
/// stops a reset link or a notice from going out.
/// </summary>
public sealed class MailComposer(
    IEnumerable<MailTemplateDefinition> definitions,
    MailTemplateRenderer renderer,
    SiteSettingsStore settings,
    TenantContext tenantContext,
    TenantUrls urls,
    ILogger<MailComposer> logger)
{
    private readonly Dictionary<string, MailTemplateDefinition> _definitions = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<MailTemplateDefinition> Definitions => _definitions.Values;

    public MailTemplateDefinition? FindDefinition(string name) => _definitions.GetValueOrDefault(name);

    public async Task<MailDraft> ComposeAsync(string templateName, IReadOnlyList<string> to, IReadOnlyDictionary<string, object?> model, CancellationToken cancellationToken = default)
    {
        var definition = FindDefinition(templateName) ?? throw new InvalidOperationException($"No e-mail template named '{templateName}'.");
        var overrides = await settings.GetAsync<MailTemplateOverrides>(cancellationToken);
        var rendered = overrides.Templates.TryGetValue(templateName, out var edited)
            ? await RenderEditedAsync(definition, edited, model, cancellationToken)
            : null;
        rendered ??= await RenderAsync(definition.Subject, definition.Html, definition.Text, model, cancellationToken);
        return new MailDraft(to, rendered.Subject, rendered.Html, rendered.Text, templateName);
    }

    /// <summary>The practice's version of a template, or null (logged) when the built-in one has to stand in.</summary>
    private async Task<RenderedMail?> RenderEditedAsync(MailTemplateDefinition definition, MailTemplateOverride edited, IReadOnlyDictionary<string, object?> model, CancellationToken cancellationToken)
    {
        var practice = tenantContext.Tenant.Name;
        if (edited.ConversionProblem is { } problem)
        {
            logger.LogWarning(
                "The edited e-mail template {Template} of practice {Tenant} is still in the old syntax ({Problem}); the standard template was sent instead",
                definition.Name,
                practice,
                problem);
            return null;
        }

        try
        {
            var rendered = await RenderAsync(edited.Subject, edited.Html, edited.Text, model, cancellationToken);
            if (string.IsNullOrWhiteSpace(rendered.Subject))
            {
                throw new MailTemplateException(new MailTemplateProblem("The subject came out empty."));
            }

            return rendered;
        }
        catch (MailTemplateException ex)
        {
            logger.LogWarning(
                ex,
                "The edited e-mail template {Template} of practice {Tenant} failed ({Problem}); the standard template was sent instead",
                definition.Name,
                practice,
                ex.Problem.ToString());
            return null;
        }
    }

    /// <summary>The values every template may use besides its own model.</summary>
    public static readonly IReadOnlyList<string> PracticeValues = ["practiceName", "portalUrl", "brandColor"];

    /// <summary>Renders arbitrary template text (the editor's live preview uses this); throws <see cref="MailTemplateException"/>.</summary>
    public async Task<RenderedMail> RenderAsync(string subject, string html, string text, IReadOnlyDictionary<string, object?> model, CancellationToken cancellationToken = default)
    {
        var tenant = tenantContext.Tenant;
        var branding = await settings.GetAsync<BrandingSettings>(cancellationToken);
        var site = await settings.GetAsync<SiteSettings>(cancellationToken);
        var baseUrl = urls.BaseUrl(tenant);
        var values = WithPracticeValues(model, baseUrl, branding);

        var renderedSubject = (await renderer.RenderTextAsync(subject, values, cancellationToken)).ReplaceLineEndings(" ").Trim();
        var body = await renderer.RenderHtmlAsync(html, values, cancellationToken);
        var renderedText = await renderer.RenderTextAsync(text, values, cancellationToken);
        return new RenderedMail(
            renderedSubject,
            Frame(body, tenant.DisplayName, baseUrl, branding, site),
            renderedText.TrimEnd() + "\n\n--\n" + tenant.DisplayName + "\n" + baseUrl + "\n");
    }

    /// <summary>
    /// What is wrong with an edited version of <paramref name="definition"/>, by part (subject, html,
    /// text): syntax errors with line and column, and anything that fails when rendered with the
    /// sample model, including a placeholder the template's model does not have. Empty when it is fine.
    /// </summary>
    public async Task<IReadOnlyDictionary<MailTemplatePart, MailTemplateProblem>> CheckAsync(MailTemplateDefinition definition, string subject, string html, string text, CancellationToken cancellationToken = default)
    {
        var branding = await settings.GetAsync<BrandingSettings>(cancellationToken);
        var values = WithPracticeValues(definition.SampleModel, urls.BaseUrl(tenantContext.Tenant), branding);
        var problems = new Dictionary<MailTemplatePart, MailTemplateProblem>();
        foreach (var (part, source) in new[] { (MailTemplatePart.Subject, subject), (MailTemplatePart.Html, html), (MailTemplatePart.Text, text) })
        {
            if (await renderer.CheckAsync(source, values, html: part == MailTemplatePart.Html, cancellationToken) is { } problem)
            {
                problems[part] = problem;
            }
        }

        return problems;
    }

    private Dictionary<string, object?> WithPracticeValues(IReadOnlyDictionary<string, object?> model, string baseUrl, BrandingSettings branding)
        => new(model, StringComparer.Ordinal)
        {
            ["practiceName"] = tenantContext.Tenant.DisplayName,
            ["portalUrl"] = baseUrl,
            ["brandColor"] = branding.Primary,
        };

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
