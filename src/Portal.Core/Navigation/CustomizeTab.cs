namespace Portal.Core.Navigation;

/// <summary>
/// A tab of the practice admin's Customize area. Shown only when the practice has <see cref="Feature"/> on
/// and the user holds <see cref="Permission"/>: the permission the tab's page itself requires, so a tab
/// never leads to a refusal (see <see cref="NavigationBuilder.CustomizeTabsAsync"/>).
/// </summary>
/// <param name="Page">The Razor page the tab opens, e.g. <c>/Admin/Customize/Index</c>.</param>
public sealed record CustomizeTab(string Text, string Page, string Feature, string Permission, int Position);

/// <summary>Implemented by a module that has a page in the Customize area (Admin's own, Messages' contact reasons).</summary>
public interface ICustomizeTabProvider
{
    IEnumerable<CustomizeTab> GetTabs();
}
