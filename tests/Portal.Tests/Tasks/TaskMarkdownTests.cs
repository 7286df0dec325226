using Portal.Tasks.Services;

namespace Portal.Tests.Tasks;

public sealed class TaskMarkdownTests
{
    [Fact]
    public void Markdown_renders_without_script_remote_images_or_script_links()
    {
        var html = TaskMarkdown.ToHtml("""
            Please send **both** slips.

            <script>alert(1)</script>
            <img src="https://tracker.example/pixel.gif">
            ![pixel](https://tracker.example/p.gif)
            [click](javascript:alert(1)) and [the CRA](https://www.canada.ca/en/revenue-agency.html)
            """);

        Assert.Contains("<strong>both</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("[image: pixel]", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.canada.ca/en/revenue-agency.html\"", html, StringComparison.Ordinal);
    }
}
