namespace Portal.Sync.Models;

/// <summary>
/// An assignment note the sync API posted to a project's thread, remembered by a hash of who wrote it
/// and what it says, so sending the same project again does not post it twice.
/// </summary>
public sealed class SyncedAssignmentNote
{
    public const int HashLength = 64;

    public Guid ProjectId { get; set; }

    /// <summary>SHA-256 (hex) of the staff member's address and the note's text.</summary>
    public string NoteHash { get; set; } = "";

    public DateTime PostedAt { get; set; }
}
