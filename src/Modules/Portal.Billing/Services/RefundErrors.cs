using Portal.Billing.Models;
using Portal.Core.Errors;

namespace Portal.Billing.Services;

/// <summary>Errors of refunding a payment, each at the field of the refund form it is about.</summary>
public static class RefundErrors
{
    public static readonly PortalError NotOnline = new("refund-not-online", ErrorKind.Conflict, "Only a payment taken online (through Stripe) can be refunded here; give an offline payment back outside the portal.");
    public static readonly PortalError NotRefundable = new("refund-not-refundable", ErrorKind.Conflict, "This payment has nothing left to refund.");
    public static readonly PortalError NoPayoutAccount = new("refund-no-payout-account", ErrorKind.Conflict, "The practice's Stripe account is not set up, so the refund cannot be made.");
    public static readonly PortalError ReasonRequired = new("refund-reason-required", ErrorKind.Invalid, "Choose why the payment is refunded.", "Reason");
    public static readonly PortalError NoteTooLong = new("refund-note-too-long", ErrorKind.Invalid, $"A note has at most {Refund.NoteMaxLength} characters.", "Note");

    public static PortalError OverLeft(long left, string currency) => new("refund-over-left", ErrorKind.Invalid, $"That is more than is left to refund ({Money.Format(left, currency)}).", "Amount");
}
