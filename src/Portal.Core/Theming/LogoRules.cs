using System.Globalization;

namespace Portal.Core.Theming;

/// <summary>
/// What a new logo may be: a PNG or JPEG by its content, within <see cref="BrandingOptions"/>' size, width
/// and height. Each refusal names the limit and the file's own figure, for a message at the field.
/// </summary>
public static class LogoRules
{
    /// <summary>The size of a file as the limits are written: kilobytes, rounded up (801 KB is past an 800 KB limit).</summary>
    public static long Kilobytes(long bytes) => (bytes + 1023) / 1024;

    /// <summary>What is wrong with a file of <paramref name="length"/> bytes before it is read, or null.</summary>
    public static string? CheckLength(long length, BrandingOptions limits)
    {
        if (length == 0)
        {
            return "is empty.";
        }

        return length > limits.MaxLogoBytes
            ? string.Create(CultureInfo.InvariantCulture, $"is {Kilobytes(length):N0} KB ({length:N0} bytes); a logo may be at most {limits.MaxLogoKilobytes:N0} KB.")
            : null;
    }

    /// <summary>
    /// The logo in <paramref name="bytes"/>, or what is wrong with it, naming the limit and the file's own
    /// figure: too large, not a PNG or JPEG by content (an SVG, a program renamed .png), too wide or too tall.
    /// </summary>
    public static (LogoImage? Image, string? Problem) Check(ReadOnlySpan<byte> bytes, BrandingOptions limits)
    {
        if (CheckLength(bytes.Length, limits) is { } tooLarge)
        {
            return (null, tooLarge);
        }

        if (LogoImage.Read(bytes) is not { } image)
        {
            return (null, LogoImage.LooksLikeSvg(bytes)
                ? "is an SVG drawing; use a PNG or JPG image."
                : "is not a PNG or JPG image (its content was checked, not its name).");
        }

        if (image.Width > limits.MaxLogoWidth)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"is {image.Width:N0} px wide; a logo may be at most {limits.MaxLogoWidth:N0} px wide."));
        }

        return image.Height > limits.MaxLogoHeight
            ? (null, string.Create(CultureInfo.InvariantCulture, $"is {image.Height:N0} px tall; a logo may be at most {limits.MaxLogoHeight:N0} px tall."))
            : (image, null);
    }
}
