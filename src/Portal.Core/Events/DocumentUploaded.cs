namespace Portal.Core.Events;

/// <summary>An upload finished and added a version of a document (by staff, or by a client when <paramref name="FromClient"/>).</summary>
/// <param name="RequestItemId">
/// The document request item the uploader said the file answers (tus metadata <c>requestItemId</c>), as sent by
/// the browser: whoever acts on it checks that the item is the client's and that the uploader may answer it.
/// </param>
public sealed record DocumentUploaded(Guid ClientId, Guid DocumentId, Guid VersionId, Guid? BatchId, bool FromClient, Guid UploadedBy, Guid? RequestItemId = null) : IDomainEvent
{
    public static string EventType => "documents.uploaded";
}
