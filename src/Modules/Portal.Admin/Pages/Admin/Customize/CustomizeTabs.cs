using Portal.Core.Navigation;

namespace Portal.Admin.Pages.Admin.Customize;

/// <summary>
/// Admin's own Customize tabs, each with the permission its page requires (all of them settings). Other
/// modules add theirs through <see cref="ICustomizeTabProvider"/> (Messages: Contact reasons, with its own permission).
/// </summary>
internal sealed class CustomizeTabs : ICustomizeTabProvider
{
    public IEnumerable<CustomizeTab> GetTabs() =>
    [
        new("Look", "/Admin/Customize/Index", Manifest.Feature, Permissions.ManageSettingsName, 10),
        new("Company", "/Admin/Customize/Company", Manifest.Feature, Permissions.ManageSettingsName, 20),
        new("Switches", "/Admin/Customize/Switches", Manifest.Feature, Permissions.ManageSettingsName, 40),
        new("Login widget", "/Admin/Customize/Widget", Manifest.Feature, Permissions.ManageSettingsName, 50),
        new("E-mail", "/Admin/Customize/Email", Manifest.Feature, Permissions.ManageSettingsName, 60),
    ];
}
