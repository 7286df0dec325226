namespace Portal.Clients.Models;

/// <summary>A person or business the practice works for.</summary>
public sealed class Client
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 320;
    public const int PhoneMaxLength = 50;
    public const int AddressMaxLength = 500;
    public const int ProvinceMaxLength = 2;
    public const int ExternalIdMaxLength = 100;
    public const int NotesMaxLength = 4000;

    public Guid Id { get; set; }

    public ClientKind Kind { get; set; }

    /// <summary>How the client is shown everywhere ("Jordan Lee", "Harbour Bakery Ltd").</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// Lower-case copy of <see cref="Name"/>: searching and sorting on it behaves the same on SQLite
    /// (binary collation) and PostgreSQL, and it can be indexed.
    /// </summary>
    public string NormalizedName { get; set; } = "";

    public string? Phone { get; set; }

    public string? Address { get; set; }

    /// <summary>Province or territory (two-letter code, <see cref="Portal.Core.Contracts.CanadianProvinces"/>); Billing's fee rule reads it.</summary>
    public string? Province { get; set; }

    /// <summary>The client's id in the practice-management desktop system (desktop sync); unique when set.</summary>
    public string? ExternalId { get; set; }

    public string? Notes { get; set; }

    public ClientStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid? CreatedBy { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? ArchivedAt { get; set; }

    public List<ClientEmail> Emails { get; set; } = [];

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();
}
