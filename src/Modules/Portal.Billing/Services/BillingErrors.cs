using Portal.Core.Errors;

namespace Portal.Billing.Services;

/// <summary>Every error of invoices and payments, with the field of the form it is about.</summary>
public static class BillingErrors
{
    public static readonly PortalError NumberRequired = new("invoice-number-required", ErrorKind.Invalid, "Enter the invoice number.", "Number");
    public static readonly PortalError NumberTooLong = new("invoice-number-too-long", ErrorKind.Invalid, "An invoice number has at most 50 characters.", "Number");
    public static readonly PortalError NumberTaken = new("invoice-number-taken", ErrorKind.Conflict, "Another invoice already has this number.", "Number");
    public static readonly PortalError ExternalIdTaken = new("invoice-external-id-taken", ErrorKind.Conflict, "Another invoice already has this external ID.", "ExternalId");
    public static readonly PortalError ExternalIdTooLong = new("invoice-external-id-too-long", ErrorKind.Invalid, "An external ID has at most 100 characters.", "ExternalId");
    public static readonly PortalError ClientUnknown = new("invoice-client-unknown", ErrorKind.Invalid, "Choose one of the practice's clients.", "ClientId");
    public static readonly PortalError DueBeforeIssue = new("invoice-due-before-issue", ErrorKind.Invalid, "The due date cannot be before the issue date.", "DueDate");
    public static readonly PortalError NoLines = new("invoice-no-lines", ErrorKind.Invalid, "Add at least one line.", "Lines");
    public static readonly PortalError TotalNotPositive = new("invoice-total-not-positive", ErrorKind.Invalid, "The invoice's total must be more than zero.", "Lines");
    public static readonly PortalError DocumentNotFound = new("invoice-document-not-found", ErrorKind.Invalid, "Choose a PDF among this client's documents that the client can see.", "DocumentId");
    public static readonly PortalError InvoiceNotFound = new("invoice-not-found", ErrorKind.NotFound, "There is no such invoice.");
    public static readonly PortalError InvoiceVoid = new("invoice-void", ErrorKind.Conflict, "This invoice is void.");
    public static readonly PortalError InvoiceHasPayments = new("invoice-has-payments", ErrorKind.Conflict, "This invoice has payments allocated to it and cannot be voided.");
    public static readonly PortalError VoidReasonRequired = new("invoice-void-reason-required", ErrorKind.Invalid, "Say why the invoice is void.", "Reason");
    public static readonly PortalError TotalBelowPaid = new("invoice-total-below-paid", ErrorKind.Conflict, "The new total is less than what has been paid on this invoice.", "Lines");
    public static readonly PortalError PaymentClientUnknown = new("payment-client-unknown", ErrorKind.Invalid, "Choose one of the practice's clients.", "ClientId");
    public static readonly PortalError PaymentNothingOwed = new("payment-nothing-owed", ErrorKind.Invalid, "This client has no open invoice in this currency to allocate the payment to.", "Amount");
    public static readonly PortalError PaymentInvoiceNotOpen = new("payment-invoice-not-open", ErrorKind.Conflict, "That invoice is not open (it is paid or void).");
    public static readonly PortalError PaymentProviderKeyRequired = new("payment-provider-key-required", ErrorKind.Invalid, "An online payment needs the provider's key.");
    public static readonly PortalError PaymentNotFound = new("payment-not-found", ErrorKind.NotFound, "There is no such payment.");
    public static readonly PortalError PaymentNotRemovable = new("payment-not-removable", ErrorKind.Conflict, "A payment taken online, or one partly refunded, cannot be removed: refund it instead.");
    public static readonly PortalError PartialPaymentsOff = new("payment-partial-not-allowed", ErrorKind.Invalid, "This practice accepts only the full balance of an invoice.", "Amount");
    public static readonly PortalError PaymentOverBalance = new("payment-over-balance", ErrorKind.Invalid, "That is more than the invoice's balance.", "Amount");

    public static PortalError AmountNotPositive(string field) => new("amount-not-positive", ErrorKind.Invalid, "The amount must be more than zero.", field);

    public static PortalError AmountInvalid(string field, string message) => new("amount-invalid", ErrorKind.Invalid, message, field);

    public static PortalError CurrencyNotAccepted(string currency, string field = "Currency") => new("currency-not-accepted", ErrorKind.Invalid, $"This practice does not accept {currency}.", field);

    public static PortalError LineDescriptionRequired(int index) => new("invoice-line-description-required", ErrorKind.Invalid, "Describe this line.", $"Lines[{index}].Description");

    public static PortalError LineQuantityInvalid(int index) => new("invoice-line-quantity-invalid", ErrorKind.Invalid, "The quantity must be more than zero, with at most three decimals.", $"Lines[{index}].Quantity");

    public static PortalError TaxNeedsRateOrAmount(int index) => new("invoice-tax-rate-or-amount", ErrorKind.Invalid, "Give the tax's rate or its amount.", $"Taxes[{index}].Rate");

    public static PortalError TaxRateInvalid(int index) => new("invoice-tax-rate-invalid", ErrorKind.Invalid, "A tax rate is a percent from 0 to 30, with at most four decimals.", $"Taxes[{index}].Rate");

    public static PortalError AllocationOverBalance(int index, long balance, string currency) => new("payment-allocation-over-balance", ErrorKind.Invalid, $"That is more than the invoice's balance ({Money.Format(balance, currency)}).", $"Allocations[{index}].Amount");

    public static PortalError AllocationInvoiceNotOpen(int index) => new("payment-allocation-invoice-not-open", ErrorKind.Invalid, "That invoice is not an open invoice of this client in this currency.", $"Allocations[{index}].Amount");

    public static PortalError AllocationNotPositive(int index) => new("payment-allocation-not-positive", ErrorKind.Invalid, "An allocation must be more than zero.", $"Allocations[{index}].Amount");

    public static PortalError Unallocated(long remainder, string currency) => new("payment-unallocated", ErrorKind.Invalid, $"{Money.Format(remainder, currency)} of this payment is not allocated to an invoice: allocate all of it (credit is not kept).", "Amount");

    public static PortalError OverAllocated(long excess, string currency) => new("payment-over-allocated", ErrorKind.Invalid, $"The allocations are {Money.Format(excess, currency)} more than the payment.", "Amount");

    public static PortalError BelowMinimum(long minimum, string currency) => new("payment-below-minimum", ErrorKind.Invalid, $"A partial payment must be at least {Money.Format(minimum, currency)}.", "Amount");
}
