namespace Portal.Core.Events;

/// <summary>An upload finished and added a version of a document (by staff, or by a client when <paramref name="FromClient"/>).</summary>
public sealed record DocumentUploaded(Guid ClientId, Guid DocumentId, Guid VersionId, Guid? BatchId, bool FromClient, Guid UploadedBy) : IDomainEvent
{
    public static string EventType => "documents.uploaded";
}
