using ILGPU;

namespace CrbnVariantCaller.Kernels;

/// <summary>
/// Features sorted by (ref, start): <c>FirstByReference[ref]..FirstByReference[ref+1]</c> is the range of one reference;
/// starts 0-based, ends exclusive, strand 0 any / 1 plus / 2 minus, gene index per feature.
/// </summary>
public readonly struct FeatureViews
{
    public FeatureViews(ArrayView<int> firstByReference, int referenceCount, ArrayView<int> starts, ArrayView<int> ends,
        ArrayView<byte> strands, ArrayView<int> genes, int maxFeatureLength)
    {
        FirstByReference = firstByReference;
        ReferenceCount = referenceCount;
        Starts = starts;
        Ends = ends;
        Strands = strands;
        Genes = genes;
        MaxFeatureLength = maxFeatureLength;
    }

    public readonly ArrayView<int> FirstByReference;
    public readonly int ReferenceCount;
    public readonly ArrayView<int> Starts;
    public readonly ArrayView<int> Ends;
    public readonly ArrayView<byte> Strands;
    public readonly ArrayView<int> Genes;
    public readonly int MaxFeatureLength;
}

/// <summary>featureCounts options of <see cref="FeatureKernels.Assign"/>.</summary>
public readonly struct FeatureArgs
{
    public FeatureArgs(int strandMode, int minMappingQuality, bool countMultiMapping, bool ignoreDuplicates)
    {
        StrandMode = strandMode;
        MinMappingQuality = minMappingQuality;
        CountMultiMapping = countMultiMapping ? 1 : 0;
        IgnoreDuplicates = ignoreDuplicates ? 1 : 0;
    }

    /// <summary><c>-s</c>: 0 unstranded, 1 stranded, 2 reversely stranded.</summary>
    public readonly int StrandMode;

    /// <summary><c>-Q</c>.</summary>
    public readonly int MinMappingQuality;

    /// <summary><c>-M</c>.</summary>
    public readonly int CountMultiMapping;

    /// <summary><c>--ignoreDup</c>.</summary>
    public readonly int IgnoreDuplicates;
}

/// <summary>
/// Feature counts with featureCounts meta-feature semantics: one thread per read; the leader of a fragment (mate after
/// it, or no mate) looks at the blocks of both mates and writes the gene index it is assigned to, or a negative code
/// (Counts' <c>FeatureAssignment</c>). Blocks are M/=/X/D runs split by N.
/// </summary>
public static class FeatureKernels
{
    public const int NoFeatures = -1, Ambiguous = -2, MultiMapping = -3, MappingQuality = -4, Unmapped = -5,
        Duplicate = -6, CountedWithMate = -7, Supplementary = -8;

    /// <summary>Writes the assignment of read <paramref name="index"/>.</summary>
    public static void Assign(Index1D index, ReadViews reads, ArrayView<int> mateOf, FeatureViews features, FeatureArgs args, ArrayView<int> assignment)
    {
        int r = index;
        int m = mateOf[r];
        if (m >= 0 && m < r)
        {
            assignment[r] = CountedWithMate;
            return;
        }

        int f = reads.Flags[r];
        bool rMapped = IsMapped(reads, r);
        bool mMapped = m >= 0 && IsMapped(reads, m);
        if (!rMapped && !mMapped)
        {
            assignment[r] = Unmapped;
            return;
        }

        if ((f & Cigar.FlagSupplementary) != 0)
        {
            assignment[r] = Supplementary;
            return;
        }

        if (args.CountMultiMapping == 0 &&
            ((f & Cigar.FlagSecondary) != 0 || reads.NumberOfHits[r] > 1 || (mMapped && reads.NumberOfHits[m] > 1)))
        {
            assignment[r] = MultiMapping;
            return;
        }

        if ((rMapped && reads.MappingQualities[r] < args.MinMappingQuality) ||
            (mMapped && reads.MappingQualities[m] < args.MinMappingQuality))
        {
            assignment[r] = MappingQuality;
            return;
        }

        if (args.IgnoreDuplicates != 0 && ((f & Cigar.FlagDuplicate) != 0 || (m >= 0 && (reads.Flags[m] & Cigar.FlagDuplicate) != 0)))
        {
            assignment[r] = Duplicate;
            return;
        }

        // The strand of the fragment is that of read 1; a read 2 is flipped.
        bool reverse = (f & Cigar.FlagReverse) != 0;
        if ((f & Cigar.FlagPaired) != 0 && (f & Cigar.FlagRead2) != 0)
        {
            reverse = !reverse;
        }

        int readStrand = reverse ? 2 : 1;
        int found = -1;
        if (rMapped && ScanRead(reads, r, readStrand, features, args.StrandMode, ref found))
        {
            assignment[r] = Ambiguous;
            return;
        }

        if (mMapped && ScanRead(reads, m, readStrand, features, args.StrandMode, ref found))
        {
            assignment[r] = Ambiguous;
            return;
        }

        assignment[r] = found >= 0 ? found : NoFeatures;
    }

    private static bool IsMapped(ReadViews reads, int r) =>
        (reads.Flags[r] & Cigar.FlagUnmapped) == 0 && reads.ReferenceIds[r] >= 0 && reads.CigarOffsets[r + 1] > reads.CigarOffsets[r];

    /// <summary>Scans every block of read <paramref name="r"/>; true when two different genes are seen.</summary>
    private static bool ScanRead(ReadViews reads, int r, int readStrand, FeatureViews features, int strandMode, ref int found)
    {
        int reference = reads.ReferenceIds[r];
        int pos = reads.Starts[r];
        int blockStart = pos;
        bool open = false;
        for (int k = reads.CigarOffsets[r]; k < reads.CigarOffsets[r + 1]; ++k)
        {
            uint op = Cigar.Op(reads.Cigars[k]);
            int len = Cigar.Length(reads.Cigars[k]);
            if (Cigar.IsMatch(op) || op == Cigar.D)
            {
                if (!open)
                {
                    blockStart = pos;
                    open = true;
                }

                pos += len;
            }
            else if (op == Cigar.N)
            {
                if (open && ScanBlock(reference, blockStart, pos, readStrand, features, strandMode, ref found))
                {
                    return true;
                }

                open = false;
                pos += len;
            }
        }

        return open && ScanBlock(reference, blockStart, pos, readStrand, features, strandMode, ref found);
    }

    /// <summary>Updates <paramref name="found"/> with the genes overlapping [blockStart, blockEnd); true once two different genes are seen.</summary>
    private static bool ScanBlock(int reference, int blockStart, int blockEnd, int readStrand, FeatureViews features, int strandMode, ref int found)
    {
        if (reference < 0 || reference >= features.ReferenceCount)
        {
            return false;
        }

        int lo = features.FirstByReference[reference], hi = features.FirstByReference[reference + 1];

        // The first feature whose start >= blockStart - MaxFeatureLength: one starting earlier cannot reach blockStart.
        int key = blockStart - features.MaxFeatureLength;
        int a = lo, b = hi;
        while (a < b)
        {
            int mid = a + ((b - a) >> 1);
            if (features.Starts[mid] < key)
            {
                a = mid + 1;
            }
            else
            {
                b = mid;
            }
        }

        for (int f = a; f < hi && features.Starts[f] < blockEnd; ++f)
        {
            if (features.Ends[f] <= blockStart)
            {
                continue;
            }

            int featureStrand = features.Strands[f];
            if (strandMode != 0 && featureStrand != 0)
            {
                int want = strandMode == 1 ? readStrand : (readStrand == 1 ? 2 : 1);
                if (featureStrand != want)
                {
                    continue;
                }
            }

            int gene = features.Genes[f];
            if (found < 0)
            {
                found = gene;
            }
            else if (found != gene)
            {
                return true;
            }
        }

        return false;
    }
}
