using System.Buffers.Binary;
using Portal.Core.Crypto;

namespace Portal.Tests.Core.Storage;

/// <summary>Cuts a stored blob into its header and records, to tamper with them the way an attacker at rest could.</summary>
public static class BlobRecords
{
    public static List<byte[]> Split(byte[] blob, out byte[] header)
    {
        header = blob[..BlobHeader.Size];
        var records = new List<byte[]>();
        var position = BlobHeader.Size;
        while (position < blob.Length)
        {
            var size = BlobRecordCipher.LengthSize + BinaryPrimitives.ReadInt32BigEndian(blob.AsSpan(position)) + BlobRecordCipher.TagSize;
            records.Add(blob[position..(position + size)]);
            position += size;
        }

        return records;
    }

    public static byte[] Join(byte[] header, IEnumerable<byte[]> records) => [.. header, .. records.SelectMany(r => r)];
}
