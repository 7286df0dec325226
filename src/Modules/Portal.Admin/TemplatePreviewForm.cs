namespace Portal.Admin;

/// <summary>The fields of the template editor, posted for a preview.</summary>
public sealed class TemplatePreviewForm
{
    public string? Subject { get; set; }

    public string? Html { get; set; }

    public string? Text { get; set; }
}
