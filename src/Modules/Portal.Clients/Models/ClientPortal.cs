namespace Portal.Clients.Models;

/// <summary>
/// A portal groups clients that the same people look after (a household, a family's companies), as in
/// practice-management desktop portals. Its users see its clients according to their access level.
/// </summary>
public sealed class ClientPortal
{
    public const int NameMaxLength = 200;

    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Lower-case copy of <see cref="Name"/> for searching, sorting and the uniqueness rule.</summary>
    public string NormalizedName { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public Guid? CreatedBy { get; set; }
}
