namespace Portal.Clients.Models;

/// <summary>
/// One data row of an import file, as read (trimmed), with the line it starts on. <see cref="Layout"/>
/// describes a row whose values could not be lined up with the columns (too many values, stray quote).
/// </summary>
public sealed record ImportRow(
    int Line,
    string Name,
    string Kind,
    IReadOnlyList<string> Emails,
    string? Phone,
    string? Address,
    string? ExternalId,
    string? Notes,
    string? Layout = null);
