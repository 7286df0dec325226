using System.Globalization;

namespace Portal.Core.Time;

/// <summary>
/// The time zones a practice chooses from: IANA zones of a city (America/Toronto), labelled with the
/// offset they have at this moment, worked out here rather than taken from the system's display names
/// (ICU names some zones by a neighbour or by a generic name, and the Etc/GMT+5 kind reads backwards).
/// </summary>
public static class TimeZoneChoices
{
    private static readonly string[] Regions = ["Africa/", "America/", "Antarctica/", "Arctic/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/", "Pacific/"];

    public static IReadOnlyList<TimeZoneChoice> At(DateTimeOffset now)
        => TimeZoneInfo.GetSystemTimeZones()
            .Where(z => Regions.Any(r => z.Id.StartsWith(r, StringComparison.Ordinal)))
            .Select(z => new TimeZoneChoice(z.Id, Label(z.Id, z.GetUtcOffset(now)), z.GetUtcOffset(now)))
            .Prepend(new TimeZoneChoice("UTC", "(UTC) Coordinated Universal Time", TimeSpan.Zero))
            .OrderBy(c => c.Offset)
            .ThenBy(c => c.Label, StringComparer.Ordinal)
            .ToList();

    /// <summary>"(UTC−05:00) Toronto — America": the offset now, the city, its region.</summary>
    public static string Label(string id, TimeSpan offset)
    {
        var slash = id.LastIndexOf('/');
        var city = id[(slash + 1)..].Replace('_', ' ');
        var region = id[..slash].Replace('_', ' ');
        var sign = offset < TimeSpan.Zero ? "−" : "+";
        return $"(UTC{sign}{offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture)}) {city} — {region}";
    }
}

public sealed record TimeZoneChoice(string Id, string Label, TimeSpan Offset);
