using Portal.Core.Settings;

namespace Portal.Core.Mail;

/// <summary>A practice's edited versions of e-mail templates (Liquid), by template name.</summary>
public sealed record MailTemplateOverrides : ISettingsSection
{
    public static string SectionName => "mail-templates";

    /// <summary>Copy it to change it (<c>new(Templates)</c>): the section read from the store is shared by every request.</summary>
    public Dictionary<string, MailTemplateOverride> Templates { get; init; } = new(StringComparer.Ordinal);
}

public sealed record MailTemplateOverride
{
    public string Subject { get; init; } = "";

    public string Html { get; init; } = "";

    public string Text { get; init; } = "";

    /// <summary>
    /// Set when this override was written in the old Handlebars syntax and could not be converted to
    /// Liquid (see <see cref="HandlebarsToLiquid"/>): the texts are kept as they were, the built-in
    /// template is sent instead, and the editor shows this until someone saves the template again.
    /// </summary>
    public string? ConversionProblem { get; init; }
}
