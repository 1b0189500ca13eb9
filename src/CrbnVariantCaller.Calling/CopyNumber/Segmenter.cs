namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>
/// Weighted binary segmentation of one contig's bin log2 ratios (the recursive step of circular binary segmentation
/// without the permutation test): a segment is split at the change point with the largest two-sample t statistic when
/// that statistic exceeds <see cref="CopyNumberOptions.SegmentMinT"/>, both sides keep at least
/// <see cref="CopyNumberOptions.MinSegmentBins"/> bins, and then again inside each side. The noise in the t statistic
/// is measured from the data (MAD of weighted neighbour differences), so an under-estimated panel spread cannot make
/// noise look like a breakpoint.
/// </summary>
public static class Segmenter
{
    /// <summary>Segments one contig.</summary>
    /// <param name="contig">The contig's name.</param>
    /// <param name="starts">Bin starts, ascending.</param>
    /// <param name="ends">Bin ends.</param>
    /// <param name="log2">Residual log2 per bin.</param>
    /// <param name="weight">Inverse variance per bin (relative).</param>
    /// <param name="options">Thresholds.</param>
    /// <param name="extraCuts">Further change points (bin indices) to keep, such as those of the B-allele frequency.</param>
    public static IReadOnlyList<CopyNumberSegment> Segment(string contig, int[] starts, int[] ends, double[] log2, double[] weight, CopyNumberOptions options, IEnumerable<int>? extraCuts = null)
    {
        ArgumentNullException.ThrowIfNull(log2);
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(options);
        int n = log2.Length;
        if (n == 0)
        {
            return [];
        }

        double scale = NoiseScale(log2, weight);
        var cuts = new SortedSet<int> { 0, n };
        Split(0, n, log2, weight, scale, options, cuts);
        foreach (int cut in extraCuts ?? [])
        {
            if (cut > 0 && cut < n)
            {
                cuts.Add(cut);
            }
        }

        int[] c = [.. cuts];
        var segments = new List<CopyNumberSegment>();
        for (int s = 0; s + 1 < c.Length; s++)
        {
            segments.Add(Summarise(contig, starts, ends, log2, weight, scale, c[s], c[s + 1]));
        }

        return segments;
    }

    /// <summary>The segment of bins [from, to) as a <see cref="CopyNumberSegment"/>.</summary>
    public static CopyNumberSegment Summarise(string contig, int[] starts, int[] ends, double[] log2, double[] weight, double scale, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(ends);
        double sw = 0;
        for (int i = from; i < to; i++)
        {
            sw += weight[i];
        }

        // Trimmed: a focal change inside the segment (an exon or two) does not move the segment's level.
        double level = RobustStatistics.TrimmedWeightedMean(log2[from..to], weight[from..to], 4);
        return new CopyNumberSegment(contig, starts[from], ends[to - 1], level, scale / Math.Sqrt(sw), to - from, from);
    }

    /// <summary>The change points of a series (indices where a new segment starts), by the same binary segmentation.</summary>
    public static IReadOnlyList<int> ChangePoints(double[] values, double[] weight, CopyNumberOptions options)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(options);
        var cuts = new SortedSet<int> { 0, values.Length };
        Split(0, values.Length, values, weight, NoiseScale(values, weight), options, cuts);
        return cuts.Where(c => c > 0 && c < values.Length).ToArray();
    }

    /// <summary>Empirical noise of one unit of weight: 1.4826 × MAD of √w-scaled neighbour differences / √2 (at least 1e-3).</summary>
    public static double NoiseScale(double[] log2, double[] weight)
    {
        ArgumentNullException.ThrowIfNull(log2);
        ArgumentNullException.ThrowIfNull(weight);
        if (log2.Length < 3)
        {
            return 1;
        }

        var diffs = new double[log2.Length - 1];
        for (int i = 1; i < log2.Length; i++)
        {
            double w = 1 / ((1 / weight[i]) + (1 / weight[i - 1]));
            diffs[i - 1] = (log2[i] - log2[i - 1]) * Math.Sqrt(w);
        }

        return Math.Max(1e-3, RobustStatistics.MadSigma(diffs));
    }

    private static void Split(int from, int to, double[] x, double[] w, double scale, CopyNumberOptions options, SortedSet<int> cuts)
    {
        int min = options.MinSegmentBins;
        if (to - from < 2 * min)
        {
            return;
        }

        double total = 0;
        double totalX = 0;
        for (int i = from; i < to; i++)
        {
            total += w[i];
            totalX += w[i] * x[i];
        }

        double left = 0;
        double leftX = 0;
        double bestT = 0;
        int best = -1;
        for (int k = from; k < to - 1; k++)
        {
            left += w[k];
            leftX += w[k] * x[k];
            int split = k + 1;
            if (split - from < min || to - split < min)
            {
                continue;
            }

            double right = total - left;
            double diff = (leftX / left) - ((totalX - leftX) / right);
            double t = Math.Abs(diff) / (scale * Math.Sqrt((1 / left) + (1 / right)));
            if (t > bestT)
            {
                bestT = t;
                best = split;
            }
        }

        if (best < 0 || bestT < options.SegmentMinT)
        {
            return;
        }

        cuts.Add(best);
        Split(from, best, x, w, scale, options, cuts);
        Split(best, to, x, w, scale, options, cuts);
    }
}
