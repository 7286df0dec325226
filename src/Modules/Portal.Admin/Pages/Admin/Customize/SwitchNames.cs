using Portal.Core.Theming;

namespace Portal.Admin.Pages.Admin.Customize;

/// <summary>The switches as sentences, for the audit trail ("client uploads switched off").</summary>
internal static class SwitchNames
{
    private static readonly (ClientSiteSwitch Switch, string Name)[] Names =
    [
        (ClientSiteSwitch.Uploads, "client uploads"),
        (ClientSiteSwitch.Messages, "client messages and Contact us"),
        (ClientSiteSwitch.Billing, "client invoices and payments"),
        (ClientSiteSwitch.SentFilesEmail, "e-mails to clients about files sent to them"),
    ];

    public static IReadOnlyList<string> Changes(ClientSiteSwitches before, ClientSiteSwitches after)
        => Names.Where(n => before.IsOn(n.Switch) != after.IsOn(n.Switch))
            .Select(n => $"{n.Name} switched {(after.IsOn(n.Switch) ? "on" : "off")}")
            .ToList();
}
