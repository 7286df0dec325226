using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Core.Time;

/// <summary>
/// <c>&lt;local-time value="@utc" /&gt;</c> (or <c>date-only</c>): a stored UTC time shown in the practice's
/// zone, as <c>&lt;time datetime="...Z" title="... UTC"&gt;4 Dec 2026, 14:05&lt;/time&gt;</c>. Column
/// headers and labels say the zone with <see cref="TimeZoneLabelTagHelper"/>.
/// </summary>
[HtmlTargetElement("local-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper(IPracticeClock clock) : TagHelper
{
    public DateTime? Value { get; set; }

    public bool DateOnly { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (Value is not { } utc)
        {
            output.SuppressOutput();
            return;
        }

        var zone = await clock.ZoneAsync();
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", System.DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        output.Attributes.SetAttribute("title", utc.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC");
        output.Content.SetContent(DateOnly ? zone.Date(utc) : zone.DateTime(utc));
    }
}
