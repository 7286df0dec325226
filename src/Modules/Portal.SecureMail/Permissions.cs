using Portal.Core.Security;

namespace Portal.SecureMail;

/// <summary>
/// Sending a secure e-mail needs <see cref="SendName"/>; a secure payment request needs Billing's
/// TakePayments as well (<see cref="PaymentRequestName"/>), so staff without the payment permission
/// cannot ask for money (seed 004).
/// </summary>
public sealed class Permissions : IPermissionProvider
{
    public const string SendName = "SecureMail.Send";
    public const string ManageName = "SecureMail.Manage";

    /// <summary>The second permission a payment request needs.</summary>
    public const string PaymentRequestName = Billing.Permissions.TakePaymentsName;

    public static readonly Permission Send = new(SendName, "Send secure e-mails and see the ones sent", "Secure e-mail");
    public static readonly Permission Manage = new(ManageName, "Revoke, re-open and resend any secure e-mail", "Secure e-mail");

    public string Feature => Manifest.Feature;

    public IEnumerable<Permission> GetPermissions() => [Send, Manage];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(RoleNames.Administrator, [Send, Manage]),
        new(RoleNames.Staff, [Send]),
    ];
}
