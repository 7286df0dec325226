namespace Portal.Core.Navigation;

/// <summary>Input of the shared pager partial: current page, page count, and the other query values to keep.</summary>
public sealed record PagerModel(int Page, int PageCount, string Query = "")
{
    public string Link(int page) => "?" + (Query.Length > 0 ? Query + "&" : "") + "page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
