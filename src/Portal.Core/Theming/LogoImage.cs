using System.Buffers.Binary;

namespace Portal.Core.Theming;

/// <summary>
/// What a logo file really is, read from its own header (PNG's IHDR, JPEG's start-of-frame), never from
/// its name: the type and the pixel size. Nothing is decoded, so a file that declares 20,000 pixels is
/// measured from a few bytes and refused before anything would allocate them.
/// </summary>
public sealed record LogoImage(string ContentType, int Width, int Height)
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The image in <paramref name="bytes"/>, or null when they are not a PNG or JPEG whose header gives its size.</summary>
    public static LogoImage? Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature))
        {
            return ReadPng(bytes);
        }

        return bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF ? ReadJpeg(bytes) : null;
    }

    /// <summary>Whether the bytes look like an SVG drawing (XML text naming an svg element), for a clearer refusal.</summary>
    public static bool LooksLikeSvg(ReadOnlySpan<byte> bytes)
    {
        var start = bytes[..Math.Min(bytes.Length, 4096)];
        return start.IndexOf("<svg"u8) >= 0 || start.IndexOf("<SVG"u8) >= 0;
    }

    private static LogoImage? ReadPng(ReadOnlySpan<byte> bytes)
    {
        // The first chunk must be IHDR (length 13): width and height, big-endian, right after its type.
        if (bytes.Length < 33 || !bytes.Slice(12, 4).SequenceEqual("IHDR"u8) || BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(8, 4)) != 13)
        {
            return null;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(16, 4));
        var height = BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(20, 4));
        return width is 0 or > int.MaxValue || height is 0 or > int.MaxValue ? null : new LogoImage(Png, (int)width, (int)height);
    }

    private static LogoImage? ReadJpeg(ReadOnlySpan<byte> bytes)
    {
        // Walk the markers after SOI until a start-of-frame (SOF0-SOF15 but DHT C4, JPG C8 and DAC CC), which holds the size.
        var position = 2;
        while (position + 4 <= bytes.Length)
        {
            if (bytes[position] != 0xFF)
            {
                return null;
            }

            var marker = bytes[position + 1];
            if (marker == 0xFF)
            {
                position++; // fill byte
                continue;
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                position += 2; // markers without a length
                continue;
            }

            if (marker is 0xD9 or 0xDA)
            {
                return null; // end of image or start of scan before any frame header
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(position + 2, 2));
            if (length < 2)
            {
                return null;
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (position + 9 > bytes.Length || length < 7)
                {
                    return null;
                }

                var height = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(position + 5, 2));
                var width = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(position + 7, 2));
                return width == 0 || height == 0 ? null : new LogoImage(Jpeg, width, height);
            }

            position += 2 + length;
        }

        return null;
    }
}
