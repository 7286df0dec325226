using System.Text.Encodings.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Portal.Core.Settings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Settings;

/// <summary>A secret is never shown back on a page: its field says whether one is set and offers to replace or remove it.</summary>
public sealed class SecretInputTagHelperTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_field_says_whether_a_secret_is_set_and_never_carries_a_value(bool isSet)
    {
        // Even what was just typed (a form coming back with an error elsewhere) is not written back.
        var entry = new SecretEntry { IsSet = isSet, Replacement = "sk_live_typed_4242" };

        var html = Render(entry, "Input.ApiKey", "API key");

        Assert.DoesNotContain("sk_live_typed_4242", html, StringComparison.Ordinal);
        var document = HtmlForms.Parse(html);
        var input = document.QuerySelector<IHtmlInputElement>("input[name='Input.ApiKey.Replacement']")!;
        Assert.Equal("password", input.Type);
        Assert.Null(input.GetAttribute("value"));
        Assert.Equal("new-password", input.GetAttribute("autocomplete"));
        Assert.Equal(input.Id, document.QuerySelector("label")!.GetAttribute("for"));
        Assert.Equal(isSet ? "Set. It is not shown; type a new value to replace it, or leave this empty to keep it." : "Not set.", document.QuerySelector(".field-help")!.TextContent);
        Assert.Equal(isSet, document.QuerySelector("input[type=checkbox][name='Input.ApiKey.Remove']") is not null);
    }

    [Fact]
    public void A_posted_entry_replaces_removes_or_keeps_the_secret()
    {
        var current = new SecretString("sk_live_current");

        Assert.Equal("sk_live_new", new SecretEntry { Replacement = "sk_live_new", Remove = true }.ApplyTo(current)!.Reveal());
        Assert.Null(new SecretEntry { Remove = true }.ApplyTo(current));
        Assert.Same(current, new SecretEntry { Replacement = "" }.ApplyTo(current));
        Assert.Equal("(secret)", current.ToString());
    }

    private static string Render(SecretEntry entry, string name, string label)
    {
        var metadata = new EmptyModelMetadataProvider();
        var helper = new SecretInputTagHelper
        {
            For = new ModelExpression(name, metadata.GetModelExplorerForType(typeof(SecretEntry), entry)),
            Label = label,
            ViewContext = new ViewContext { ViewData = new ViewDataDictionary(metadata, new ModelStateDictionary()) },
        };
        var output = new TagHelperOutput("secret-input", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        helper.Process(new TagHelperContext([], new Dictionary<object, object>(), "test"), output);
        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
