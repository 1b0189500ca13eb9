using System.Buffers.Binary;

namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>
/// Byte layout of one BGZF block (SAM specification §4.1): a gzip member whose header carries a <c>BC</c> extra
/// subfield with the total block size minus one (BSIZE), followed by raw DEFLATE data, CRC32 and ISIZE.
/// </summary>
internal static class BgzfBlockLayout
{
    /// <summary>gzip ID1, ID2.</summary>
    public const byte Magic1 = 0x1f, Magic2 = 0x8b;

    /// <summary>gzip compression method DEFLATE.</summary>
    public const byte MethodDeflate = 8;

    /// <summary>gzip FLG bit FEXTRA.</summary>
    public const byte FlagExtra = 4;

    /// <summary>Bytes before the extra field: ID1 ID2 CM FLG MTIME(4) XFL OS XLEN(2).</summary>
    public const int FixedHeaderLength = 12;

    /// <summary>Offset of XLEN within the header.</summary>
    public const int ExtraLengthOffset = 10;

    /// <summary>Header length when the extra field holds only the BC subfield, as every writer produces.</summary>
    public const int StandardHeaderLength = 18;

    /// <summary>CRC32 and ISIZE.</summary>
    public const int TrailerLength = 8;

    /// <summary>The largest block, compressed or not (BSIZE is 16 bits).</summary>
    public const int MaxBlockSize = 65536;

    /// <summary>How much data the writer puts in one block, as htslib does, so that even stored blocks fit.</summary>
    public const int WriterBlockDataSize = 0xff00;

    /// <summary>The 28-byte empty block that ends every BGZF file.</summary>
    public static ReadOnlySpan<byte> EofMarker =>
    [
        0x1f, 0x8b, 0x08, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0x06, 0x00, 0x42, 0x43,
        0x02, 0x00, 0x1b, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ];

    /// <summary>
    /// Finds BSIZE in the extra field of a header whose fixed part has been checked.
    /// Returns false when there is no <c>BC</c> subfield of length 2.
    /// </summary>
    public static bool TryFindBlockSize(ReadOnlySpan<byte> extraField, out int blockSizeMinusOne)
    {
        while (extraField.Length >= 4)
        {
            int subfieldLength = BinaryPrimitives.ReadUInt16LittleEndian(extraField[2..]);
            if (extraField[0] == (byte)'B' && extraField[1] == (byte)'C' && subfieldLength == 2 && extraField.Length >= 6)
            {
                blockSizeMinusOne = BinaryPrimitives.ReadUInt16LittleEndian(extraField[4..]);
                return true;
            }

            if (4 + subfieldLength > extraField.Length)
            {
                break;
            }

            extraField = extraField[(4 + subfieldLength)..];
        }

        blockSizeMinusOne = 0;
        return false;
    }

    /// <summary>Writes the standard 18-byte header for a block of <paramref name="totalLength"/> bytes.</summary>
    public static void WriteHeader(Span<byte> destination, int totalLength)
    {
        EofMarker[..16].CopyTo(destination);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[16..], (ushort)(totalLength - 1));
    }
}
