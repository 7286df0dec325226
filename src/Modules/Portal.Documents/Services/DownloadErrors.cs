using Portal.Core.Errors;

namespace Portal.Documents.Services;

/// <summary>Every way a download, a zip or "this batch is complete" can be refused; codes are listed in docs/api.md.</summary>
public static class DownloadErrors
{
    /// <summary>No such file, or one the user may not see: the two are not told apart.</summary>
    public static readonly PortalError FileNotFound = new("document-not-found", ErrorKind.NotFound, "There is no such file, or it is not yours to see.");

    public static readonly PortalError ClientNotFound = new("client-not-found", ErrorKind.NotFound, "There is no such client, or its documents are not yours to see.");

    public static readonly PortalError ScanPending = new("document-scan-pending", ErrorKind.Conflict, "This file is still being checked for malware. It can be downloaded as soon as the check is done.");

    public static readonly PortalError Damaged = new("document-damaged", ErrorKind.Damaged, "This file failed its integrity check and was not sent. The practice has been told; please contact them.");

    public static readonly PortalError NothingChosen = new("documents-not-chosen", ErrorKind.Invalid, "Choose at least one document to download: tick the boxes beside the files you want.", "Documents");

    public static readonly PortalError AntiforgeryInvalid = new("antiforgery-invalid", ErrorKind.Invalid, "The request did not carry this page's form token. Reload the page and try again.");

    public static PortalError Quarantined(string? signature)
        => new("document-quarantined", ErrorKind.Forbidden, $"This file was quarantined: the malware scanner found {signature} in it. It is kept encrypted and cannot be downloaded.");
}
