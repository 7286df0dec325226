using Portal.Documents.Services;

namespace Portal.Documents.Pages.Shared;

/// <summary>One level of the folder list (each subfolder's level is rendered inside its parent's item).</summary>
public sealed record FolderListModel(IReadOnlyList<FolderNode> Folders, Guid? Current, bool ShowClientUploads);
