using Portal.Core.Navigation;

namespace Portal.Messages;

internal sealed class AdminMenu : IAdminMenuProvider
{
    public const string InboxPath = "/admin/messages";
    public const string ReasonsPath = "/admin/messages/reasons";

    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Messages", InboxPath, Manifest.Feature, Permissions.AnswerName, "Clients", 15),
        new("Contact reasons", ReasonsPath, Manifest.Feature, Permissions.ManageReasonsName, "Settings", 40),
    ];
}
