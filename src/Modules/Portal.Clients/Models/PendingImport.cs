namespace Portal.Clients.Models;

/// <summary>
/// Rows of an uploaded CSV file kept between the preview and the confirmation, so the user does not
/// upload the file twice. Only its uploader may confirm it, and only until it expires.
/// </summary>
public sealed class PendingImport
{
    public Guid Id { get; set; }

    public string FileName { get; set; } = "";

    /// <summary>The parsed rows as JSON (<see cref="ImportRow"/> list).</summary>
    public string RowsJson { get; set; } = "[]";

    public Guid? CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}
