using Portal.Core.Errors;

namespace Portal.Sync.Api;

/// <summary>
/// The sync batches' errors: a per-item error's code and message at the item's field (JSON names), and
/// the problems that refuse a whole request (docs/api.md lists them all).
/// </summary>
public static class SyncItemErrors
{
    public const string ExternalIdRequired = "external-id-required";
    public const string ExternalIdTooLong = "external-id-too-long";
    public const string DuplicateExternalId = "duplicate-external-id";
    public const string ClientNotFound = "client-not-found";
    public const string ContactKindInvalid = "contact-kind-invalid";
    public const string ContactNameRequired = "contact-name-required";
    public const string ContactFieldTooLong = "contact-field-too-long";
    public const string ContactProvinceInvalid = "contact-province-invalid";
    public const string EmailRequired = "email-required";
    public const string EmailInvalid = "email-invalid";
    public const string PortalUserIsStaff = "portal-user-is-staff";
    public const string PortalUserRefused = "portal-user-refused";
    public const string StaffNotFound = "staff-not-found";
    public const string ProjectsOff = "projects-off";
    public const string ItemNotSaved = "item-not-saved";

    public static SyncFieldError ExternalIdMissing(string field = "externalId")
        => new(field, ExternalIdRequired, "Give the program's id of this item (externalId).");

    public static SyncFieldError ExternalIdLength(string field = "externalId")
        => new(field, ExternalIdTooLong, $"An external id has at most {ISyncItem.ExternalIdMaxLength} characters.");

    public static SyncFieldError Duplicate(string externalId, string field = "externalId")
        => new(field, DuplicateExternalId, $"\"{externalId}\" is already an item of this batch; only the first was applied.");

    /// <summary>The item failed unexpectedly while it was written; all of its writes were undone.</summary>
    public static SyncFieldError NotSaved(string field = "externalId")
        => new(field, ItemNotSaved, "This item could not be saved, and nothing of it was kept; the batch's other items were. Send it again; if it fails again, the portal's log says why.");

    public static SyncFieldError UnknownClient(string? externalId)
        => new("clientExternalId", ClientNotFound, string.IsNullOrWhiteSpace(externalId)
            ? "Give the clientExternalId of a synced contact."
            : $"No contact has the external id \"{externalId}\": sync the contact first.");

    /// <summary>Checks an item's external id; null when it is usable.</summary>
    public static SyncFieldError? CheckExternalId(string? externalId, string field = "externalId")
        => string.IsNullOrWhiteSpace(externalId) ? ExternalIdMissing(field)
            : externalId.Length > ISyncItem.ExternalIdMaxLength ? ExternalIdLength(field)
            : null;

    /// <summary>Every batch's size check (<see cref="Services.SyncBatches.SizeError"/>): 1 to <see cref="SyncBatch{TItem}.MaxItems"/> items.</summary>
    public static readonly PortalError BatchSize = new("batch-size", ErrorKind.Invalid, $"Send from 1 to {SyncBatch<ISyncItem>.MaxItems:N0} items in one batch.", "items");
    public static readonly PortalError VersionsSize = new("batch-size", ErrorKind.Invalid, $"Send from 1 to {DownloadedVersions.MaxVersions:N0} version ids.", "versionIds");
    /// <summary>The approver is no longer active staff (disabled, removed, a client): every call is refused and the connection ends.</summary>
    public static readonly PortalError ApproverGone = new("sync-approver-gone", ErrorKind.Forbidden, "The person who approved this program can no longer sign in: run portal-sync login again.");

    /// <summary>The approver no longer holds Sync.Connect: refused like <see cref="ApproverGone"/>, with its own reason.</summary>
    public static readonly PortalError ApproverMayNotConnect = new("sync-approver-gone", ErrorKind.Forbidden, "The person who approved this program may no longer connect programs: run portal-sync login again.");

    public static readonly PortalError LimitOutOfRange = new("limit-out-of-range", ErrorKind.Invalid, "limit is from 1 to 1,000.", "limit");
    public static readonly PortalError UploadNotAnnounced = new("document-not-announced", ErrorKind.NotFound, "No document with this external id was sent in a documents batch: send its metadata first.", "Upload-Metadata");
    public static readonly PortalError UploadExternalIdRequired = new("document-external-id-required", ErrorKind.Invalid, "Upload-Metadata needs documentExternalId.", "Upload-Metadata");

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
