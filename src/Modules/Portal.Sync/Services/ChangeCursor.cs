using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Portal.Sync.Services;

/// <summary>
/// The change feed's cursor: the sequence of the last event read, in a versioned, opaque wrapping so
/// programs keep it as it is and the portal may change what it holds.
/// </summary>
internal static class ChangeCursor
{
    private const string Prefix = "c1.";

    public static string Of(long sequence) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + sequence.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The sequence the cursor points after; 0 for none; false when it is not a cursor of this portal.</summary>
    public static bool TryRead(string? cursor, out long sequence)
    {
        sequence = 0;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        if (cursor.Length > 64)
        {
            return false;
        }

        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
