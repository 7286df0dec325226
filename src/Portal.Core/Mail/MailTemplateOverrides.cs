using Portal.Core.Settings;

namespace Portal.Core.Mail;

/// <summary>A practice's edited versions of e-mail templates, by template name.</summary>
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
}
