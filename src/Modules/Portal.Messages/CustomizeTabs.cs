using Portal.Core.Navigation;

namespace Portal.Messages;

/// <summary>Contact reasons is a tab of the practice admin's Customize area, for those who may edit the reasons (not settings).</summary>
internal sealed class CustomizeTabs : ICustomizeTabProvider
{
    public const string ReasonsPage = "/Admin/Messages/Reasons";

    public IEnumerable<CustomizeTab> GetTabs() =>
    [
        new("Contact reasons", ReasonsPage, Manifest.Feature, Permissions.ManageReasonsName, 30),
    ];
}
