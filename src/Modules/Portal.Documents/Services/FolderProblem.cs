namespace Portal.Documents.Services;

/// <summary>Why a folder could not be created or changed, and the form field it is about (null: none in particular).</summary>
public sealed record FolderProblem(string? Field, string Message)
{
    public const string NameField = "name";
    public const string ParentField = "parentId";
}
