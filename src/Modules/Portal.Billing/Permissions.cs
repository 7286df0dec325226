using Portal.Billing.Models;
using Portal.Core.Security;

namespace Portal.Billing;

/// <summary>
/// The three payment permissions are the levels of seed 004's "Payment Permissions", each implying the
/// ones below it: a staff member's level (PaymentLevels) grants them, as does a role holding them;
/// administrators hold every permission.
/// </summary>
public sealed class Permissions : IPermissionProvider
{
    public const string ViewPaymentsName = "Billing.ViewPayments";
    public const string TakePaymentsName = "Billing.TakePayments";
    public const string ManagePaymentsName = "Billing.ManagePayments";

    public static readonly Permission ViewPayments = new(ViewPaymentsName, "See invoices and payments", "Billing");
    public static readonly Permission TakePayments = new(TakePaymentsName, "Create and void invoices, record and request payments", "Billing");
    public static readonly Permission ManagePayments = new(ManagePaymentsName, "Refunds, payout account, payment settings and payment permissions", "Billing");

    public string Feature => Manifest.Feature;

    public IEnumerable<Permission> GetPermissions() => [ViewPayments, TakePayments, ManagePayments];

    // Money is sensitive: staff get no payment level until an administrator gives them one.
    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new(RoleNames.Administrator, [ViewPayments, TakePayments, ManagePayments]),
    ];

    /// <summary>The lowest level that holds <paramref name="permission"/>; null for a permission not of this module.</summary>
    public static PaymentLevel? LevelFor(string permission) => permission switch
    {
        ViewPaymentsName => PaymentLevel.View,
        TakePaymentsName => PaymentLevel.Take,
        ManagePaymentsName => PaymentLevel.Full,
        _ => null,
    };
}
