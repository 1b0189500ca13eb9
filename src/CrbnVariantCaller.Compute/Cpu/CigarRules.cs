using CrbnVariantCaller.Counts.Batches;

namespace CrbnVariantCaller.Compute.Cpu;

/// <summary>CIGAR rules of htslib's pileup that the kernels share (mirrors <c>insertion_after</c> in the .cl).</summary>
internal static class CigarRules
{
    /// <summary>
    /// Length of the insertion htslib attaches to the last reference position of op <paramref name="k"/>:
    /// I ops directly after it (pads allowed in between), or after a pad every I up to the next reference-consuming op.
    /// </summary>
    public static int InsertionAfter(ReadOnlySpan<uint> cigar, int k)
    {
        if (k + 1 >= cigar.Length)
        {
            return 0;
        }

        int op2 = CigarOp.Op(cigar[k + 1]);
        int length = 0;
        if (op2 == CigarOp.Insertion)
        {
            length = CigarOp.Length(cigar[k + 1]);
            for (int j = k + 2; j < cigar.Length; j++)
            {
                int o = CigarOp.Op(cigar[j]);
                if (o == CigarOp.Insertion)
                {
                    length += CigarOp.Length(cigar[j]);
                }
                else if (o != CigarOp.Pad)
                {
                    break;
                }
            }
        }
        else if (op2 == CigarOp.Pad && k + 2 < cigar.Length)
        {
            for (int j = k + 2; j < cigar.Length; j++)
            {
                int o = CigarOp.Op(cigar[j]);
                if (o == CigarOp.Insertion)
                {
                    length += CigarOp.Length(cigar[j]);
                }
                else if (CigarOp.ConsumesReference(o))
                {
                    break;
                }
            }
        }

        return length;
    }

    /// <summary>Pileup channel (0..4) of a 4-bit base code: A, C, G, T, everything else N.</summary>
    public static int BaseChannel(int code) => code switch
    {
        1 => 0,
        2 => 1,
        4 => 2,
        8 => 3,
        _ => 4,
    };

    /// <summary>The 4-bit code of base <paramref name="index"/> in a packed sequence.</summary>
    public static int PackedBase(ReadOnlySpan<byte> seq, int index)
    {
        byte b = seq[index >> 1];
        return (index & 1) != 0 ? b & 0xF : b >> 4;
    }
}
