using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Core.Time;

/// <summary><c>&lt;time-zone-label /&gt;</c>: the practice's zone as pages name it ("Toronto time"), for headers such as "Date (Toronto time)".</summary>
[HtmlTargetElement("time-zone-label", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TimeZoneLabelTagHelper(IPracticeClock clock) : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetContent((await clock.ZoneAsync()).Label);
    }
}
