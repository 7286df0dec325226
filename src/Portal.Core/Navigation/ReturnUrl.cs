using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Portal.Core.Navigation;

/// <summary>
/// A "go back to where you were" address posted with a form. Only a local address is followed, and
/// what a Location header cannot carry (é, spaces, control characters) is percent-encoded: Kestrel
/// refuses such a header, which turned a harmless form into a 500.
/// </summary>
public static class ReturnUrl
{
    /// <summary>The address, safe to redirect to, or null when it is empty or leads off the site.</summary>
    public static string? LocalOrNull(string? url)
    {
        if (string.IsNullOrEmpty(url) || !RedirectHttpResult.IsLocalUrl(url))
        {
            return null;
        }

        var escaped = new StringBuilder(url.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > 0x20 and < 0x7f)
            {
                escaped.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                escaped.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }
}
