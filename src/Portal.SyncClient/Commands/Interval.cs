using System.Globalization;
using PortalSync.Hosting;

namespace PortalSync.Commands;

/// <summary>"12h", "30m", "1d", "90s" or "hh:mm:ss".</summary>
internal static class Interval
{
    public static TimeSpan Parse(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        if (trimmed.Length > 1 && double.TryParse(trimmed[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            TimeSpan? span = trimmed[^1] switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => null,
            };
            if (span is { } value)
            {
                return value;
            }
        }

        return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero
            ? parsed
            : throw new FatalException($"\"{text}\" is not an interval (for example 12h, 30m or 1d).");
    }
}
