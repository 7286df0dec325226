using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Portal.Audit.Models;

namespace Portal.Audit.Services;

/// <summary>The chain's hash: SHA-256 over an unambiguous encoding of every field and the previous hash.</summary>
public static class AuditHash
{
    public static readonly string Genesis = new('0', 64);

    /// <summary>Times are kept to the millisecond: what every database stores exactly, so a hash computed
    /// before saving equals the one computed from the stored row.</summary>
    public static DateTime Truncate(DateTime value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    public static string Compute(AuditEvent e)
    {
        var fields = new object?[]
        {
            e.Sequence,
            e.OccurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            e.Action,
            e.ActorId?.ToString(),
            e.ActorName,
            e.IpAddress,
            e.TargetType,
            e.TargetId,
            e.Details,
            e.PreviousHash,
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fields))));
    }
}
