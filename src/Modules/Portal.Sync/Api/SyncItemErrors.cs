using Portal.Core.Errors;

namespace Portal.Sync.Api;

/// <summary>
/// Errors of the invoices, payments and documents batches: a per-item error's code and message, at the
/// item's field (JSON names), and the problems that refuse a whole request (docs/api.md lists them all).
/// </summary>
public static class SyncItemErrors
{
    public static readonly PortalError BatchSize = new("batch-size", ErrorKind.Invalid, $"Send from 1 to {SyncBatch<InvoiceItem>.MaxItems:N0} items in one batch.", "items");
    public static readonly PortalError VersionsSize = new("batch-size", ErrorKind.Invalid, $"Send from 1 to {DownloadedVersions.MaxVersions:N0} version ids.", "versionIds");
    public static readonly PortalError LimitOutOfRange = new("limit-out-of-range", ErrorKind.Invalid, "limit is from 1 to 1,000.", "limit");
    public static readonly PortalError UploadNotAnnounced = new("document-not-announced", ErrorKind.NotFound, "No document with this external id was sent in a documents batch: send its metadata first.", "Upload-Metadata");
    public static readonly PortalError UploadExternalIdRequired = new("document-external-id-required", ErrorKind.Invalid, "Upload-Metadata needs documentExternalId.", "Upload-Metadata");

    public static SyncFieldError ExternalIdRequired() => new("externalId", "external-id-required", "Give the item's externalId.");

    public static SyncFieldError ExternalIdTooLong() => new("externalId", "external-id-too-long", $"An externalId has at most {ISyncItem.ExternalIdMaxLength} characters.");

    public static SyncFieldError DuplicateExternalId(string externalId) => new("externalId", "duplicate-external-id", $"\"{externalId}\" is in this batch more than once: only the first was applied.");

    public static SyncFieldError ClientNotFound(string? externalId) => new("clientExternalId", "client-not-found", string.IsNullOrWhiteSpace(externalId)
        ? "Give the clientExternalId of a synced contact."
        : $"No client has the external id \"{externalId}\": sync the contact first.");

    public static SyncFieldError InvoiceNotFound(string externalId) => new("invoiceExternalId", "invoice-not-found", $"No invoice of this client has the external id \"{externalId}\": sync the invoice first.");

    public static SyncFieldError DateInvalid(string field, string? text) => new(field, "date-invalid", $"\"{text}\" is not a date: write it as yyyy-MM-dd.");

    public static SyncFieldError AmountInvalid(string field, string? text) => new(field, "amount-invalid", $"\"{text}\" is not an amount: write it like \"1130.00\" (digits, a point, at most two decimals).");

    public static SyncFieldError AmountNegative(string field) => new(field, "amount-negative", "An amount cannot be negative.");

    public static SyncFieldError AmountTooPrecise(string field) => new(field, "amount-too-precise", "An amount has at most two decimals (cents).");

    public static SyncFieldError TaxKindUnknown(string field, string? kind) => new(field, "tax-kind-unknown", $"\"{kind}\" is not a tax: use GST, HST, PST or QST.");

    public static SyncFieldError MethodUnknown(string? method) => new("method", "payment-method-unknown", $"\"{method}\" is not a method: use cheque, cash, transfer or other.");

    public static SyncFieldError PaymentChanged() => new("externalId", "payment-changed", "This payment was recorded with other details. Send a tombstone for it first, then the corrected payment.");

    public static SyncFieldError FileNameRequired() => new("fileName", "document-file-name-required", "Give the file's name.");

    public static SyncFieldError LengthInvalid() => new("length", "document-length-invalid", "Give the file's length in bytes (more than 0).");

    public static SyncFieldError Sha256Invalid() => new("sha256", "document-sha256-invalid", "Give the file's SHA-256 as 64 hexadecimal characters.");
}
