using Microsoft.AspNetCore.Routing;
using Portal.Core.Navigation;

namespace Portal.SecureMail.Services;

/// <summary>"Sent secure e-mails" in the practice admin's menu, next to "Send a secure e-mail".</summary>
internal sealed class SentItemsMenu(LinkGenerator links) : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Sent secure e-mails", links.GetPathByPage(SentItemsPages.List) ?? "", Manifest.Feature, Permissions.SendName, "Clients", 36),
    ];
}
