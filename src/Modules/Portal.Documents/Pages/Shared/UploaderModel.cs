namespace Portal.Documents.Pages.Shared;

/// <summary>The upload panel: the client, where files may go, and the token the batch call needs.</summary>
public sealed record UploaderModel(Guid ClientId, string Title, IReadOnlyList<UploadTarget> Targets, Guid? SelectedFolder, string MaxSize, string AntiforgeryToken);

public sealed record UploadTarget(Guid? FolderId, string Label);
