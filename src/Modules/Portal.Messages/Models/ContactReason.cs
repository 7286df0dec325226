namespace Portal.Messages.Models;

/// <summary>A reason clients pick on the Contact us form, and where its threads go.</summary>
public sealed class ContactReason
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public int Position { get; set; }

    /// <summary>Retired reasons leave the form but keep their row, so older threads keep their tag.</summary>
    public DateTime? RetiredAt { get; set; }

    /// <summary>The staff member its threads are assigned to; or else <see cref="RouteToRole"/>; or else nobody.</summary>
    public Guid? RouteToUserId { get; set; }

    public string? RouteToRole { get; set; }
}
