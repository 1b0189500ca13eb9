namespace CrbnVariantCaller.Formats.Bam;

/// <summary>
/// Operations on packed BAM CIGAR words (<c>length &lt;&lt; 4 | op</c>), the form the hot path and GPU kernels consume.
/// </summary>
public static class Cigar
{
    // htslib's BAM_CIGAR_TYPE: two bits per op, bit 0 = consumes query, bit 1 = consumes reference.
    private const int ConsumesTable = 0x3C1A7;

    /// <summary>SAM characters for op codes 0..15, as htslib prints them ("MIDNSHP=XB" then '?').</summary>
    internal static ReadOnlySpan<byte> OpChars => "MIDNSHP=XB??????"u8;

    /// <summary>The operation of a packed CIGAR word.</summary>
    public static CigarOp Op(uint word) => (CigarOp)(word & 0xF);

    /// <summary>The length of a packed CIGAR word.</summary>
    public static int Length(uint word) => (int)(word >> 4);

    /// <summary>The SAM character of a packed CIGAR word's operation.</summary>
    public static char OpChar(uint word) => (char)OpChars[(int)(word & 0xF)];

    /// <summary>True when the operation consumes reference bases (M, D, N, =, X).</summary>
    public static bool ConsumesReference(CigarOp op) => ((ConsumesTable >> ((int)op << 1)) & 2) != 0;

    /// <summary>True when the operation consumes query bases (M, I, S, =, X).</summary>
    public static bool ConsumesQuery(CigarOp op) => ((ConsumesTable >> ((int)op << 1)) & 1) != 0;

    /// <summary>Number of reference bases the alignment spans (htslib <c>bam_cigar2rlen</c>).</summary>
    public static long ReferenceLength(ReadOnlySpan<uint> words)
    {
        long length = 0;
        foreach (uint w in words)
        {
            if (((ConsumesTable >> (int)((w & 0xF) << 1)) & 2) != 0)
            {
                length += w >> 4;
            }
        }

        return length;
    }

    /// <summary>Number of query bases the CIGAR describes (htslib <c>bam_cigar2qlen</c>).</summary>
    public static long QueryLength(ReadOnlySpan<uint> words)
    {
        long length = 0;
        foreach (uint w in words)
        {
            if (((ConsumesTable >> (int)((w & 0xF) << 1)) & 1) != 0)
            {
                length += w >> 4;
            }
        }

        return length;
    }

    /// <summary>The CIGAR as SAM text, e.g. <c>8M2I4M1D3M</c>; <c>*</c> when empty.</summary>
    public static string ToText(ReadOnlySpan<uint> words)
    {
        if (words.IsEmpty)
        {
            return "*";
        }

        var sb = new System.Text.StringBuilder(words.Length * 4);
        foreach (uint w in words)
        {
            sb.Append(w >> 4).Append(OpChar(w));
        }

        return sb.ToString();
    }
}
