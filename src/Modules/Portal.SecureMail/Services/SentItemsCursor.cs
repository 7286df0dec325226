using System.Globalization;

namespace Portal.SecureMail.Services;

/// <summary>"{ticks}_{id}": the last row of the page before (creation time, then id). A cursor that does not read starts at the beginning.</summary>
internal static class SentItemsCursor
{
    public static string Write(DateTime createdAt, Guid id) => $"{createdAt.Ticks.ToString(CultureInfo.InvariantCulture)}_{id:N}";

    public static bool TryRead(string? cursor, out DateTime createdAt, out Guid id)
    {
        createdAt = default;
        id = default;
        var parts = (cursor ?? "").Split('_');
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks is >= 0 and <= 3155378975999999999
            && Guid.TryParseExact(parts[1], "N", out id))
        {
            createdAt = new DateTime(ticks, DateTimeKind.Utc);
            return true;
        }

        return false;
    }
}
