namespace CrbnVariantCaller.Formats.Bam.Index;

/// <summary>
/// The hierarchical binning scheme shared by BAI and CSI (SAM specification §5.3): level 0 is one bin for the whole
/// addressable range, each further level splits every bin in eight, and the smallest bins span 2^<see cref="MinShift"/> bases.
/// BAI is the fixed case <c>MinShift = 14</c>, <c>Depth = 5</c>.
/// </summary>
public sealed class BinScheme
{
    /// <summary>The scheme of every BAI file: 16 kb leaves, 6 levels, 512 Mb addressable.</summary>
    public static BinScheme Bai { get; } = new(14, 5);

    /// <summary>Creates a scheme with leaves of 2^<paramref name="minShift"/> bases and <paramref name="depth"/> levels below the root.</summary>
    public BinScheme(int minShift, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minShift, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        if (minShift + (3 * depth) > 62)
        {
            throw new ArgumentOutOfRangeException(nameof(depth), "min_shift + 3*depth must not exceed 62");
        }

        MinShift = minShift;
        Depth = depth;
        BinCount = (int)(((1L << ((3 * depth) + 3)) - 1) / 7);
    }

    /// <summary>log2 of the leaf bin width.</summary>
    public int MinShift { get; }

    /// <summary>Number of levels below the root bin.</summary>
    public int Depth { get; }

    /// <summary>Number of real bins; the pseudo-bin holding per-reference metadata is <see cref="MetaBin"/>.</summary>
    public int BinCount { get; }

    /// <summary>The pseudo-bin number (37450 for BAI) that stores the reference's offsets and mapped/unmapped counts.</summary>
    public int MetaBin => BinCount + 1;

    /// <summary>One past the largest 0-based position the scheme can address.</summary>
    public long MaxPosition => 1L << (MinShift + (3 * Depth));

    /// <summary>The first bin number of <paramref name="level"/> (htslib <c>hts_bin_first</c>).</summary>
    public static int FirstBinOfLevel(int level) => (int)(((1L << (3 * level)) - 1) / 7);

    /// <summary>The parent of a bin (htslib <c>hts_bin_parent</c>).</summary>
    public static int Parent(int bin) => (bin - 1) >> 3;

    /// <summary>The level of a bin, 0 for the root (htslib <c>hts_bin_level</c>).</summary>
    public static int Level(int bin)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bin);
        int level = 0;
        for (int b = bin; b != 0; b = Parent(b))
        {
            level++;
        }

        return level;
    }

    /// <summary>The index of the first leaf-sized window the bin covers (htslib <c>hts_bin_bot</c>).</summary>
    public long BottomWindow(int bin)
    {
        int level = Level(bin);
        return (long)(bin - FirstBinOfLevel(level)) << (3 * (Depth - level));
    }

    /// <summary>The smallest bin that contains the 0-based half-open interval [<paramref name="start"/>, <paramref name="end"/>) (htslib <c>hts_reg2bin</c>).</summary>
    public int RegionToBin(long start, long end)
    {
        end--;
        int s = MinShift;
        int t = FirstBinOfLevel(Depth);
        for (int level = Depth; level > 0; level--)
        {
            if (start >> s == end >> s)
            {
                return (int)(t + (start >> s));
            }

            s += 3;
            t -= 1 << (3 * (level - 1));
        }

        return 0;
    }

    /// <summary>
    /// Whether bin <paramref name="bin"/> is one of <see cref="RegionToBins"/>(<paramref name="start"/>, <paramref name="end"/>),
    /// decided from the bin alone, so a planner can test the bins an index holds instead of listing every bin of a wide
    /// region (2^30 of them for a corrupt CSI scheme). Bins outside the scheme (the pseudo-bin, corrupt numbers) are not.
    /// </summary>
    public bool InRegion(int bin, long start, long end)
    {
        if (bin < 0 || bin >= BinCount)
        {
            return false;
        }

        start = Math.Max(start, 0);
        end = Math.Min(end, MaxPosition);
        if (start >= end)
        {
            return false;
        }

        int level = Level(bin);
        long index = bin - FirstBinOfLevel(level);
        int shift = MinShift + (3 * (Depth - level));
        return index << shift <= end - 1 && (index + 1) << shift > start;
    }

    /// <summary>
    /// Every bin that may hold a record overlapping the 0-based half-open interval [<paramref name="start"/>, <paramref name="end"/>),
    /// level by level from the root (htslib <c>reg2bins</c>). The end is clamped to <see cref="MaxPosition"/>.
    /// </summary>
    public List<int> RegionToBins(long start, long end)
    {
        var bins = new List<int>();
        if (start < 0)
        {
            start = 0;
        }

        if (end > MaxPosition)
        {
            end = MaxPosition;
        }

        if (start >= end)
        {
            return bins;
        }

        end--;
        int s = MinShift + (3 * Depth);
        long t = 0;
        for (int level = 0; level <= Depth; level++)
        {
            long b = t + (start >> s);
            long e = t + (end >> s);
            for (long i = b; i <= e; i++)
            {
                bins.Add((int)i);
            }

            t += 1L << (3 * level);
            s -= 3;
        }

        return bins;
    }
}
