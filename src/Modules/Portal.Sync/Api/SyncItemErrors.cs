namespace Portal.Sync.Api;

/// <summary>The item error codes the contacts and projects batches answer with (listed in docs/api.md).</summary>
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

    public static SyncFieldError ExternalIdMissing(string field = "externalId")
        => new(field, ExternalIdRequired, "Give the program's id of this item (externalId).");

    public static SyncFieldError ExternalIdLength(string field = "externalId")
        => new(field, ExternalIdTooLong, $"An external id has at most {ISyncItem.ExternalIdMaxLength} characters.");

    public static SyncFieldError Duplicate(string externalId, string field = "externalId")
        => new(field, DuplicateExternalId, $"\"{externalId}\" is already an item of this batch; only the first was applied.");

    public static SyncFieldError UnknownClient(string? externalId)
        => new("clientExternalId", ClientNotFound, $"No contact has the external id \"{externalId}\": sync the contact first.");

    /// <summary>Checks an item's external id; null when it is usable.</summary>
    public static SyncFieldError? CheckExternalId(string? externalId, string field = "externalId")
        => string.IsNullOrWhiteSpace(externalId) ? ExternalIdMissing(field)
            : externalId.Length > ISyncItem.ExternalIdMaxLength ? ExternalIdLength(field)
            : null;
}
