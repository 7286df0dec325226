namespace Portal.Documents;

/// <summary>Configuration section <c>Portal:Documents</c>.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Portal:Documents";

    /// <summary>Largest file accepted (default 10 GB).</summary>
    public long MaxFileSize { get; set; } = 10L * 1024 * 1024 * 1024;

    /// <summary>Storage a practice may use for current and earlier versions, trash included (default 250 GB).</summary>
    public long PracticeQuota { get; set; } = 250L * 1024 * 1024 * 1024;

    /// <summary>How long deleted documents stay restorable before a job purges them.</summary>
    public TimeSpan TrashRetention { get; set; } = TimeSpan.FromDays(120);

    /// <summary>An unfinished upload that sees no data for this long expires (tus Upload-Expires).</summary>
    public TimeSpan UploadExpiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// File extensions accepted; each is also checked against the file's content. Types that a
    /// browser could run (HTML, SVG, scripts, executables) are never accepted.
    /// </summary>
    public List<string> AllowedExtensions { get; set; } =
    [
        "pdf", "jpg", "jpeg", "png", "gif", "tif", "tiff", "heic",
        "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods",
        "csv", "txt", "rtf", "xml", "qbb", "qbw", "qbm",
    ];

    /// <summary>Files up to this size are checked completely before a download starts, so a damaged
    /// file is reported on a page instead of as a broken download.</summary>
    public long VerifyBeforeSendingUpTo { get; set; } = 64L * 1024 * 1024;

    /// <summary>Client uploads are reported to staff in one e-mail after this quiet period.</summary>
    public TimeSpan StaffNoticeDelay { get; set; } = TimeSpan.FromMinutes(5);
}
