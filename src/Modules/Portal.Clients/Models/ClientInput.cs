namespace Portal.Clients.Models;

/// <summary>A client's details as entered (form, import row or recipe), before they are checked.</summary>
public sealed record ClientInput(
    ClientKind Kind,
    string Name,
    IReadOnlyList<string> Emails,
    string? Phone,
    string? Address,
    string? ExternalId,
    string? Notes)
{
    /// <summary>Province code; null: not given (an import without the column keeps the stored one), empty: cleared.</summary>
    public string? Province { get; init; }
}
