using System.Globalization;

namespace Portal.Core.Time;

/// <summary>A practice's time zone: converts stored UTC times and formats them the one way the portal shows times.</summary>
public sealed class PracticeTimeZone
{
    private PracticeTimeZone(TimeZoneInfo info, string label)
    {
        Info = info;
        Label = label;
    }

    public static PracticeTimeZone Utc { get; } = new(TimeZoneInfo.Utc, "UTC");

    public TimeZoneInfo Info { get; }

    /// <summary>How pages and e-mails name the zone: "Toronto time", or "UTC".</summary>
    public string Label { get; }

    /// <summary>The zone with this id (IANA, as stored in the practice's settings); UTC when unknown.</summary>
    public static PracticeTimeZone For(string? id)
        => !string.IsNullOrEmpty(id) && !IsUtc(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? new PracticeTimeZone(zone, LabelOf(id))
            : Utc;

    /// <summary>"Toronto time" for America/Toronto, "Argentina/Buenos Aires time" becomes "Buenos Aires time".</summary>
    public static string LabelOf(string id)
        => IsUtc(id) ? "UTC" : id[(id.LastIndexOf('/') + 1)..].Replace('_', ' ') + " time";

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Info);

    /// <summary>The UTC instant at which <paramref name="day"/> begins in this zone (for "from this day" filters).</summary>
    public DateTime StartOfDayUtc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // A day that starts inside a DST gap (rare: some zones jump at midnight) starts at the first valid moment.
        while (Info.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, Info);
    }

    /// <summary>"4 Dec 2026, 14:05".</summary>
    public string DateTime(DateTime utc) => ToLocal(utc).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"4 Dec 2026".</summary>
    public string Date(DateTime utc) => ToLocal(utc).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"14:05 on 4 December 2026 (Toronto time)", for e-mails, which must say the zone in the sentence.</summary>
    public string Sentence(DateTime utc) => ToLocal(utc).ToString("HH:mm 'on' d MMMM yyyy", CultureInfo.InvariantCulture) + $" ({Label})";

    /// <summary>"4 December 2026", a day in e-mails.</summary>
    public string Day(DateTime utc) => ToLocal(utc).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static bool IsUtc(string id) => id is "UTC" or "Etc/UTC" or "Etc/UCT" or "UCT" or "Universal" or "Zulu" or "Etc/Universal" or "Etc/Zulu";
}
