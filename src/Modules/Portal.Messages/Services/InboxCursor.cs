using System.Globalization;

namespace Portal.Messages.Services;

/// <summary>"{ticks}_{id}": the last thread of the page before (last activity, then id). A cursor that does not read starts at the top.</summary>
internal static class InboxCursor
{
    public static string Write(DateTime at, Guid id) => $"{at.Ticks.ToString(CultureInfo.InvariantCulture)}_{id:N}";

    public static bool TryRead(string? cursor, out DateTime at, out Guid id)
    {
        at = default;
        id = default;
        var parts = (cursor ?? "").Split('_');
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks is >= 0 and <= 3155378975999999999
            && Guid.TryParseExact(parts[1], "N", out id))
        {
            at = new DateTime(ticks, DateTimeKind.Utc);
            return true;
        }

        return false;
    }
}
