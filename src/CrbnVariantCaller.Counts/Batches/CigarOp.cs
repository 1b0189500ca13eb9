namespace CrbnVariantCaller.Counts.Batches;

/// <summary>CIGAR operation codes as BAM stores them in the low 4 bits of each <c>len&lt;&lt;4|op</c> word.</summary>
public static class CigarOp
{
    /// <summary>M: alignment match (consumes query and reference).</summary>
    public const int Match = 0;

    /// <summary>I: insertion to the reference (consumes query).</summary>
    public const int Insertion = 1;

    /// <summary>D: deletion from the reference (consumes reference).</summary>
    public const int Deletion = 2;

    /// <summary>N: skipped region, an intron in RNA-seq (consumes reference).</summary>
    public const int Skip = 3;

    /// <summary>S: soft clip (consumes query).</summary>
    public const int SoftClip = 4;

    /// <summary>H: hard clip (consumes nothing).</summary>
    public const int HardClip = 5;

    /// <summary>P: padding (consumes nothing).</summary>
    public const int Pad = 6;

    /// <summary>=: sequence match (consumes query and reference).</summary>
    public const int Equal = 7;

    /// <summary>X: sequence mismatch (consumes query and reference).</summary>
    public const int Diff = 8;

    /// <summary>The operation of a packed CIGAR word.</summary>
    public static int Op(uint word) => (int)(word & 0xF);

    /// <summary>The length of a packed CIGAR word.</summary>
    public static int Length(uint word) => (int)(word >> 4);

    /// <summary>Packs a length and an operation the way BAM does.</summary>
    public static uint Pack(int length, int op) => ((uint)length << 4) | (uint)op;

    /// <summary>True for M, = and X (an aligned base).</summary>
    public static bool IsAlignedBase(int op) => op is Match or Equal or Diff;

    /// <summary>True for operations that move along the reference (M, D, N, =, X).</summary>
    public static bool ConsumesReference(int op) => op is Match or Deletion or Skip or Equal or Diff;

    /// <summary>True for operations that move along the query (M, I, S, =, X).</summary>
    public static bool ConsumesQuery(int op) => op is Match or Insertion or SoftClip or Equal or Diff;

    /// <summary>The number of reference bases a CIGAR spans.</summary>
    public static int ReferenceLength(ReadOnlySpan<uint> cigar)
    {
        int length = 0;
        foreach (uint word in cigar)
        {
            if (ConsumesReference(Op(word)))
            {
                length += Length(word);
            }
        }

        return length;
    }
}
