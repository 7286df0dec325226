using Portal.Core.Settings;

namespace Portal.Core.Mail;

/// <summary>A practice's edited versions of e-mail templates (Liquid), by template name.</summary>
public sealed class MailTemplateOverrides : ISettingsSection
{
    public static string SectionName => "mail-templates";

    public Dictionary<string, MailTemplateOverride> Templates { get; set; } = new(StringComparer.Ordinal);
}

public sealed class MailTemplateOverride
{
    public string Subject { get; set; } = "";

    public string Html { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>
    /// Set when this override was written in the old Handlebars syntax and could not be converted to
    /// Liquid (see <see cref="HandlebarsToLiquid"/>): the texts are kept as they were, the built-in
    /// template is sent instead, and the editor shows this until someone saves the template again.
    /// </summary>
    public string? ConversionProblem { get; set; }
}
