using Portal.Core.Settings;

namespace Portal.Core.Theming;

/// <summary>
/// What clients may do on the practice's site (all on until the practice turns one off). Every module
/// reads this section through <see cref="SiteSettingsStore"/> and refuses a switched-off action on the
/// server, not only by hiding its button; staff are never limited by it.
/// </summary>
public sealed record ClientSiteSwitches : ISettingsSection
{
    public static string SectionName => "client-site";

    /// <summary>Clients may upload files (to their documents, and against document requests).</summary>
    public bool ClientUploads { get; init; } = true;

    /// <summary>Clients may start conversations, write through Contact us and reply.</summary>
    public bool ClientMessages { get; init; } = true;

    /// <summary>Clients may see their invoices and payments, and pay online.</summary>
    public bool ClientBilling { get; init; } = true;

    /// <summary>Clients are e-mailed when staff send them files.</summary>
    public bool EmailClientsOnSentFiles { get; init; } = true;

    public bool IsOn(ClientSiteSwitch which) => which switch
    {
        ClientSiteSwitch.Uploads => ClientUploads,
        ClientSiteSwitch.Messages => ClientMessages,
        ClientSiteSwitch.Billing => ClientBilling,
        ClientSiteSwitch.SentFilesEmail => EmailClientsOnSentFiles,
        _ => throw new ArgumentOutOfRangeException(nameof(which), which, "Not a client site switch."),
    };
}
