using Portal.Core.Navigation;

namespace Portal.SecureMail;

internal sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Send a secure e-mail", "/admin/secure-mail/compose", Manifest.Feature, Permissions.SendName, "Clients", 35),
    ];
}
