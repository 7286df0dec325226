using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Core.Settings;

/// <summary>
/// <c>&lt;secret-input for="Input.ApiKey" label="API key" /&gt;</c> for a <see cref="SecretEntry"/>:
/// says whether a value is set, offers an empty password box to replace it and, when set, a box to
/// remove it. The stored value is never written into the page (no <c>value</c>, no autofill).
/// </summary>
[HtmlTargetElement("secret-input", Attributes = "for,label", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SecretInputTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeName("label")]
    public string Label { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var entry = For.Model as SecretEntry ?? new SecretEntry();
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext?.ViewData.ModelState.TryGetValue($"{name}.{nameof(SecretEntry.Replacement)}", out var state) == true
            ? string.Join(" ", state.Errors.Select(e => e.ErrorMessage))
            : "";

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field secret-field");

        var label = new TagBuilder("label");
        label.Attributes["for"] = $"{id}_{nameof(SecretEntry.Replacement)}";
        label.InnerHtml.Append(Label);
        output.Content.AppendHtml(label);

        var help = new TagBuilder("span");
        help.AddCssClass("field-help");
        help.Attributes["id"] = $"{id}_help";
        help.InnerHtml.Append(entry.IsSet
            ? "Set. It is not shown; type a new value to replace it, or leave this empty to keep it."
            : "Not set.");
        output.Content.AppendHtml(help);

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["type"] = "password";
        input.Attributes["id"] = $"{id}_{nameof(SecretEntry.Replacement)}";
        input.Attributes["name"] = $"{name}.{nameof(SecretEntry.Replacement)}";
        input.Attributes["autocomplete"] = "new-password";
        input.Attributes["aria-describedby"] = $"{id}_help {id}_error";
        output.Content.AppendHtml(input);

        if (entry.IsSet)
        {
            var remove = new TagBuilder("label");
            remove.AddCssClass("checkbox");
            var box = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            box.Attributes["type"] = "checkbox";
            box.Attributes["name"] = $"{name}.{nameof(SecretEntry.Remove)}";
            box.Attributes["value"] = "true";
            remove.InnerHtml.AppendHtml(box);
            remove.InnerHtml.Append(" Remove it");
            output.Content.AppendHtml(remove);
        }

        var error = new TagBuilder("span");
        error.AddCssClass("field-error");
        error.Attributes["id"] = $"{id}_error";
        error.InnerHtml.Append(errors);
        output.Content.AppendHtml(error);
    }
}
