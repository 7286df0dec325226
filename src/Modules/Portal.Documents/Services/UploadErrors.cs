using Portal.Core.Errors;

namespace Portal.Documents.Services;

/// <summary>Every way a tus upload can be refused; codes are listed in docs/api.md.</summary>
public static class UploadErrors
{
    public static readonly PortalError TusVersionRequired = new("tus-version-required", ErrorKind.PreconditionFailed, $"This endpoint speaks tus {TusUploads.Version}: send Tus-Resumable: {TusUploads.Version}.", "Tus-Resumable");

    public static readonly PortalError LengthRequired = new("upload-length-required", ErrorKind.Invalid, "Upload-Length is required and must be a whole number of bytes.", "Upload-Length");

    public static readonly PortalError MetadataMalformed = new("upload-metadata-malformed", ErrorKind.Invalid, "Upload-Metadata is malformed.", "Upload-Metadata");

    public static readonly PortalError ClientRequired = new("upload-client-required", ErrorKind.Invalid, "Say which client the file is for (clientId).", "clientId");

    public static readonly PortalError FolderNotFound = new("folder-not-found", ErrorKind.NotFound, "That folder does not exist.", "folderId");

    public static readonly PortalError FolderForbidden = new("upload-folder-forbidden", ErrorKind.Forbidden, "You cannot put files in this folder.", "folderId");

    /// <summary>A client the user has no access to: said exactly like one that does not exist.</summary>
    public static readonly PortalError ClientNotFound = new(ProblemTypes.NotFound, ErrorKind.NotFound, "Not found.");

    /// <summary>The practice switched client uploads off (its client site switches).</summary>
    public static readonly PortalError ClientUploadsOff = new(
        "client-uploads-off", ErrorKind.Forbidden, "Your accountant does not take files through the portal at the moment. Ask them how to send your documents.");

    public static readonly PortalError NotFound = new("upload-not-found", ErrorKind.NotFound, "No such upload.");

    public static readonly PortalError NotInProgress = new("upload-not-found", ErrorKind.NotFound, "No such upload in progress.");

    public static readonly PortalError Expired = new("upload-expired", ErrorKind.Gone, "This upload expired. Start it again.");

    public static readonly PortalError BeingWritten = new("upload-busy", ErrorKind.Conflict, "The upload is being written right now. Ask again when that request ends.");

    public static readonly PortalError AnotherWriter = new("upload-busy", ErrorKind.Conflict, "Another request is writing to this upload.");

    public static readonly PortalError AlreadyComplete = new("upload-complete", ErrorKind.Conflict, "This upload is already complete.");

    public static readonly PortalError PatchContentType = new("upload-patch-content-type", ErrorKind.UnsupportedType, "PATCH requests must have Content-Type: application/offset+octet-stream.", "Content-Type");

    public static readonly PortalError OffsetRequired = new("upload-offset-required", ErrorKind.Invalid, "Upload-Offset is required.", "Upload-Offset");

    public static readonly PortalError ChecksumAlgorithm = new("upload-checksum-malformed", ErrorKind.Invalid, "Upload-Checksum must use sha256 (the only algorithm supported).", "Upload-Checksum");

    public static readonly PortalError ChecksumNotBase64 = new("upload-checksum-malformed", ErrorKind.Invalid, "Upload-Checksum is not base64.", "Upload-Checksum");

    public static readonly PortalError PastTheEnd = new("upload-past-end", ErrorKind.TooLarge, "The request goes past the end of the upload.");

    public static readonly PortalError ChecksumMismatch = new("upload-checksum-mismatch", ErrorKind.ChecksumMismatch, "Checksum mismatch: the chunk was damaged on the way and was not kept. Send it again.", "Upload-Checksum");

    public static PortalError FileTooLarge(string name, long length, long max)
        => new("upload-too-large", ErrorKind.TooLarge, $"\"{name}\" is {Sizes.Format(length)}; the portal accepts files up to {Sizes.Format(max)}.", "Upload-Length");

    public static PortalError FileTypeRefused(string message) => new("file-type-refused", ErrorKind.UnsupportedType, message);

    public static PortalError QuotaExceeded(string message) => new("quota-exceeded", ErrorKind.TooLarge, message);

    public static PortalError OffsetMismatch(string message) => new("upload-offset-mismatch", ErrorKind.Conflict, message, "Upload-Offset");

    public static PortalError Busy(string message) => new("upload-busy", ErrorKind.Conflict, message);

    public static PortalError ChunkTooLarge(int max) => new("upload-chunk-too-large", ErrorKind.TooLarge, $"A chunk with a checksum can be at most {Sizes.Format(max)}.");

    public static PortalError Empty(string name) => new("upload-empty", ErrorKind.Invalid, $"\"{name}\" is empty (0 bytes). Choose the file again; it may not have finished saving.");
}
