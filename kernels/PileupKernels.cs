using ILGPU;

namespace CrbnVariantCaller.Kernels;

/// <summary>Parameters of <see cref="PileupKernels.Pileup"/>.</summary>
public readonly struct PileupArgs
{
    public PileupArgs(int referenceId, int windowStart, int windowLength, int minBaseQuality, ReadFilterArgs filter)
    {
        ReferenceId = referenceId;
        WindowStart = windowStart;
        WindowLength = windowLength;
        MinBaseQuality = minBaseQuality;
        Filter = filter;
    }

    public readonly int ReferenceId;
    public readonly int WindowStart;
    public readonly int WindowLength;
    public readonly int MinBaseQuality;
    public readonly ReadFilterArgs Filter;
}

/// <summary>
/// Pileup: one thread per read, atomic increments into <c>counts[(pos - windowStart) * 14 + channel * 2 + strand]</c>,
/// channels A, C, G, T, N, deletion, insertion. Element rules follow htslib <c>bam_plp</c> + <c>samtools mpileup</c>:
/// an aligned base counts when its (overlap-tweaked) quality ≥ MinBaseQuality; a deleted position uses the quality of
/// the next query base; an insertion is counted at the last reference position before it, under that position's test.
/// </summary>
public static class PileupKernels
{
    public const int ChannelsPerPosition = 14;
    private const int DeletionChannel = 5;
    private const int InsertionChannel = 6;

    /// <summary>Counts read <paramref name="index"/> into <paramref name="counts"/>.</summary>
    public static void Pileup(Index1D index, ReadViews reads, ArrayView<byte> quals, PileupArgs args, ArrayView<int> counts)
    {
        int r = index;
        if (reads.ReferenceIds[r] != args.ReferenceId || !args.Filter.Passes(reads, r))
        {
            return;
        }

        int c0 = reads.CigarOffsets[r], c1 = reads.CigarOffsets[r + 1];
        int strand = (reads.Flags[r] & Cigar.FlagReverse) != 0 ? 1 : 0;
        int qualBase = reads.QualityOffsets[r];
        int lq = reads.SequenceLengths[r];
        int winStart = args.WindowStart;
        int winEnd = winStart + args.WindowLength;
        int pos = reads.Starts[r];
        int q = 0;
        for (int k = c0; k < c1; ++k)
        {
            uint word = reads.Cigars[k];
            uint op = Cigar.Op(word);
            int len = Cigar.Length(word);
            if (Cigar.IsMatch(op))
            {
                int jlo = Cigar.Max(0, winStart - pos);
                int jhi = Cigar.Min(len, winEnd - pos);
                for (int j = jlo; j < jhi; ++j)
                {
                    int qq = q + j;
                    int bq = qq < lq ? quals[qualBase + qq] : 0;
                    if (bq >= args.MinBaseQuality)
                    {
                        int ch = qq < lq ? BaseChannel(reads.BaseCode(r, qq)) : 4;
                        Atomic.Add(ref counts[(pos + j - winStart) * ChannelsPerPosition + ch * 2 + strand], 1);
                    }
                }

                int last = pos + len - 1;
                if (len > 0 && last >= winStart && last < winEnd && InsertionAfter(reads.Cigars, k, c1) > 0)
                {
                    int qq = q + len - 1;
                    int bq = qq < lq ? quals[qualBase + qq] : 0;
                    if (bq >= args.MinBaseQuality)
                    {
                        Atomic.Add(ref counts[(last - winStart) * ChannelsPerPosition + InsertionChannel * 2 + strand], 1);
                    }
                }

                pos += len;
                q += len;
            }
            else if (op == Cigar.D || op == Cigar.N)
            {
                int bq = q < lq ? quals[qualBase + q] : 0;
                if (bq >= args.MinBaseQuality)
                {
                    if (op == Cigar.D)
                    {
                        int lo = Cigar.Max(pos, winStart);
                        int hi = Cigar.Min(pos + len, winEnd);
                        for (int x = lo; x < hi; ++x)
                        {
                            Atomic.Add(ref counts[(x - winStart) * ChannelsPerPosition + DeletionChannel * 2 + strand], 1);
                        }
                    }

                    int last = pos + len - 1;
                    if (len > 0 && last >= winStart && last < winEnd && InsertionAfter(reads.Cigars, k, c1) > 0)
                    {
                        Atomic.Add(ref counts[(last - winStart) * ChannelsPerPosition + InsertionChannel * 2 + strand], 1);
                    }
                }

                pos += len;
            }
            else if (op == Cigar.I || op == Cigar.S)
            {
                q += len;
            }

            // H and P consume nothing.
        }
    }

    /// <summary>4-bit base code → channel 0..4 (A, C, G, T, anything else = N).</summary>
    private static int BaseChannel(int code) => code switch
    {
        1 => 0,
        2 => 1,
        4 => 2,
        8 => 3,
        _ => 4,
    };

    /// <summary>
    /// Length of the insertion htslib's pileup attaches to the last reference position of op <paramref name="k"/>
    /// (resolve_cigar2 "peek the next operation"): I ops right after op k (pads in between allowed), or, when a pad
    /// follows, every I up to the next reference-consuming op.
    /// </summary>
    private static int InsertionAfter(ArrayView<uint> cigars, int k, int end)
    {
        if (k + 1 >= end)
        {
            return 0;
        }

        uint next = Cigar.Op(cigars[k + 1]);
        if (next == Cigar.I)
        {
            int len = Cigar.Length(cigars[k + 1]);
            for (int j = k + 2; j < end; ++j)
            {
                uint o = Cigar.Op(cigars[j]);
                if (o == Cigar.I)
                {
                    len += Cigar.Length(cigars[j]);
                }
                else if (o != Cigar.P)
                {
                    break;
                }
            }

            return len;
        }

        if (next == Cigar.P && k + 2 < end)
        {
            int len = 0;
            for (int j = k + 2; j < end; ++j)
            {
                uint o = Cigar.Op(cigars[j]);
                if (o == Cigar.I)
                {
                    len += Cigar.Length(cigars[j]);
                }
                else if (o == Cigar.D || o == Cigar.N || Cigar.IsMatch(o))
                {
                    break;
                }
            }

            return len;
        }

        return 0;
    }
}
