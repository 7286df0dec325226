namespace Portal.Identity.Services;

/// <summary>The purposes of the one-time links Identity e-mails (the values are stored with each link).</summary>
internal static class AccountLinkPurposes
{
    /// <summary>An invitation: the user chooses a first password.</summary>
    public const string SetPassword = "SetPassword";

    public const string ResetPassword = "ResetPassword";

    /// <summary>Confirms a new sign-in address; the link carries the address.</summary>
    public const string ConfirmEmailChange = "ConfirmEmailChange";
}
