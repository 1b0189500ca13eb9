using System.Runtime.CompilerServices;
namespace CrbnVariantCaller.Formats.Bam;

/// <summary>The BAM 4-bit base encoding (SAM specification §4.2.3).</summary>
public static class SequenceCodec
{
    /// <summary>ASCII base for each 4-bit code: <c>=ACMGRSVTWYHKDBN</c>.</summary>
    public static ReadOnlySpan<byte> Alphabet => "=ACMGRSVTWYHKDBN"u8;

    /// <summary>
    /// Decodes <paramref name="length"/> bases of a packed sequence into ASCII in <paramref name="destination"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Decode(ReadOnlySpan<byte> packed, int length, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, length);
        ReadOnlySpan<byte> pairs = PairTable;
        int full = length >> 1;
        for (int i = 0; i < full; i++)
        {
            int p = packed[i] << 1;
            destination[2 * i] = pairs[p];
            destination[(2 * i) + 1] = pairs[p + 1];
        }

        if ((length & 1) != 0)
        {
            destination[length - 1] = Alphabet[packed[full] >> 4];
        }
    }

    // 256 packed bytes × 2 ASCII bases, built once.
    private static readonly byte[] PairTable = BuildPairTable();

    private static byte[] BuildPairTable()
    {
        var table = new byte[512];
        for (int b = 0; b < 256; b++)
        {
            table[2 * b] = Alphabet[b >> 4];
            table[(2 * b) + 1] = Alphabet[b & 0xF];
        }

        return table;
    }
}
