using Portal.Core.Errors;
using Portal.Documents.Services;

namespace Portal.Documents.Pages.Admin.Documents;

/// <summary>A folder form as it was sent, shown again with its problem so nothing typed is lost.</summary>
public sealed record FolderForm(string Name, Guid? ParentId, bool ClientCanUpload, PortalError? Problem)
{
    public static readonly FolderForm Empty = new("", null, false, null);

    public string? NameError => Problem is { Field: FolderErrors.NameField } p ? p.Message : null;

    public string? ParentError => Problem is { Field: FolderErrors.ParentField } p ? p.Message : null;

    /// <summary>A problem that belongs to no field (the folder was removed meanwhile).</summary>
    public string? FormError => Problem is { Field: null } p ? p.Message : null;
}
