using Portal.Core.Errors;

namespace Portal.Documents.Services;

/// <summary>Why a folder could not be created or changed, at the form field it is about (none: the form as a whole).</summary>
public static class FolderErrors
{
    public const string NameField = "name";
    public const string ParentField = "parentId";

    public static readonly PortalError NameRequired = new("folder-name-required", ErrorKind.Invalid, "Type a name for the folder.", NameField);

    public static readonly PortalError ParentGone = new("folder-parent-gone", ErrorKind.NotFound, "The parent folder no longer exists.", ParentField);

    public static readonly PortalError FolderGone = new("folder-gone", ErrorKind.NotFound, "The folder no longer exists.");

    public static PortalError NameUnusable(string name) => new("folder-name-unusable", ErrorKind.Invalid, $"\"{name}\" cannot be a folder name: use letters or digits.", NameField);

    public static PortalError NameTaken(string name) => new("folder-name-taken", ErrorKind.Conflict, $"There is already a folder called \"{name}\" here.", NameField);
}
