namespace Portal.Core.Theming;

/// <summary>One of the practice's <see cref="ClientSiteSwitches"/>, for code that guards an action by name.</summary>
public enum ClientSiteSwitch
{
    Uploads,
    Messages,
    Billing,
    SentFilesEmail,
}
