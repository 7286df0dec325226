namespace PortalSync.Data;

/// <summary>One row of a table, by column name; blank text reads as null.</summary>
internal sealed class PracticeRow(IReadOnlyDictionary<string, string?> values)
{
    public string? this[string column] => values.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public string Required(string column) => this[column] ?? "";
}
