namespace Portal.Projects.Models;

/// <summary>
/// One entry of the practice's status list ("Received", "Waiting on you", ...). Retired statuses stay
/// in the table so projects and their history keep showing them; they can no longer be set.
/// </summary>
public sealed class ProjectStatus
{
    public const int NameMaxLength = 60;

    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Order in the list and in the status field (0 first).</summary>
    public int Position { get; set; }

    /// <summary>The client has something to do: the client's home shows the project as needing attention.</summary>
    public bool WaitingOnClient { get; set; }

    public DateTime? RetiredAt { get; set; }

    public bool IsRetired => RetiredAt is not null;
}
