using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Portal.Audit.Models;

/// <summary>
/// What the admin page and the CSV export narrow the trail to. Empty values do not filter; dates are
/// whole days in the practice's time zone, both ends included.
/// </summary>
public sealed record AuditFilter(string? Action = null, string? Actor = null, DateOnly? From = null, DateOnly? To = null)
{
    public string? Action { get; init; } = Normalize(Action);

    public string? Actor { get; init; } = Normalize(Actor);

    public bool IsEmpty => Action is null && Actor is null && From is null && To is null;

    /// <summary>The filter as URL-encoded query values (without "?"), for links that keep it: pager, export.</summary>
    public string ToQueryString()
    {
        var values = new List<KeyValuePair<string, string?>>();
        Add("action", Action);
        Add("actor", Actor);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return QueryString.Create(values).ToUriComponent().TrimStart('?');

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                values.Add(new(name, value));
            }
        }
    }

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
