using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Portal.Tests.Core.Theming;

/// <summary>
/// Real image files made to measure for the logo rules: PNGs of a given pixel size and exact byte length
/// (a comment chunk pads them), a decompression bomb, a JPEG, and files that only pretend to be images.
/// </summary>
internal static class TestImages
{
    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    /// <summary>A valid grayscale PNG of <paramref name="width"/> × <paramref name="height"/> pixels, padded to <paramref name="length"/> bytes when given.</summary>
    public static byte[] Png(int width, int height, int? length = null)
    {
        var idat = CompressedRows(width, height, bitDepth: 8);
        var png = Assemble(width, height, bitDepth: 8, idat, comment: null);
        if (length is not { } target)
        {
            return png;
        }

        // A tEXt chunk costs 12 bytes of framing plus "Comment\0": pad with its text to the exact length.
        var padding = target - png.Length - 12 - 8;
        if (padding < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"A {width}x{height} PNG is already {png.Length} bytes.");
        }

        return Assemble(width, height, bitDepth: 8, idat, new string('x', padding));
    }

    /// <summary>
    /// A real decompression bomb: 20,000 × 20,000 one-bit pixels whose image data inflates to 50 MB (1.6 GB
    /// once a decoder makes RGBA of it) while the file is a few tens of kilobytes.
    /// </summary>
    public static byte[] PngBomb(int side = 20_000) => Assemble(side, side, bitDepth: 1, CompressedRows(side, side, bitDepth: 1), comment: null);

    /// <summary>A baseline JPEG's headers (SOI, JFIF, start-of-frame with the size, EOI): enough for a header reader.</summary>
    public static byte[] Jpeg(int width, int height)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        jpeg.Write([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
        jpeg.Write([0xFF, 0xC0, 0x00, 0x0B, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x01, 0x01, 0x11, 0x00]);
        jpeg.Write([0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    /// <summary>A Windows program's first bytes (the "MZ" header and DOS stub message), as an .exe renamed .png would start.</summary>
    public static byte[] Executable()
    {
        var exe = new byte[4096];
        exe[0] = (byte)'M';
        exe[1] = (byte)'Z';
        Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.").CopyTo(exe, 0x4E);
        return exe;
    }

    public static byte[] Svg() => Encoding.UTF8.GetBytes("""<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>""");

    private static byte[] CompressedRows(int width, int height, int bitDepth)
    {
        var row = new byte[1 + (((long)width * bitDepth) + 7) / 8]; // filter byte 0, then zeros
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        return compressed.ToArray();
    }

    private static byte[] Assemble(int width, int height, int bitDepth, byte[] idat, string? comment)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = (byte)bitDepth; // grayscale (colour type 0), deflate, adaptive filtering, no interlace
        Chunk(png, "IHDR", header);
        if (comment is not null)
        {
            Chunk(png, "tEXt", Encoding.Latin1.GetBytes("Comment\0" + comment));
        }

        Chunk(png, "IDAT", idat);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)data.Length);
        png.Write(number);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = 0xFFFFFFFFu;
        foreach (var b in typeAndData)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        BinaryPrimitives.WriteUInt32BigEndian(number, crc ^ 0xFFFFFFFFu);
        png.Write(number);
    }
}
