namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>
/// Turns one sample's bin depths into log2 ratios that a deletion near CRBN cannot move: each normalisation group
/// (targets and genome bins; off-target bins) is divided by the median depth of its <em>reference bins</em> — usable
/// bins on autosomes other than the CRBN contig — and then GC-corrected with a curve fitted on those reference bins.
/// </summary>
public static class BinNormaliser
{
    /// <summary>Whether <paramref name="contig"/> is an autosome (1–22, with or without <c>chr</c>).</summary>
    public static bool IsAutosome(string contig)
    {
        ArgumentNullException.ThrowIfNull(contig);
        string name = contig.StartsWith("chr", StringComparison.OrdinalIgnoreCase) ? contig[3..] : contig;
        return int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= 22;
    }

    /// <summary>Whether bin <paramref name="bin"/> helps set the expected level: an autosome other than <paramref name="crbnContig"/>.</summary>
    public static bool IsReference(CopyNumberTarget bin, string crbnContig)
    {
        ArgumentNullException.ThrowIfNull(bin);
        return IsAutosome(bin.Interval.Contig) && !string.Equals(bin.Interval.Contig, crbnContig, StringComparison.Ordinal);
    }

    /// <summary>GC-corrected log2(depth / median reference depth of the bin's group); <see cref="CopyNumberOptions.MinLog2"/> for empty bins.</summary>
    public static double[] Normalise(double[] depth, IReadOnlyList<CopyNumberTarget> bins, double[] gc, bool[] usable, string crbnContig, CopyNumberOptions options)
    {
        ArgumentNullException.ThrowIfNull(depth);
        ArgumentNullException.ThrowIfNull(bins);
        ArgumentNullException.ThrowIfNull(options);
        var log2 = new double[depth.Length];
        Array.Fill(log2, options.MinLog2);
        foreach (int group in bins.Select(b => b.Group).Distinct())
        {
            int[] members = Enumerable.Range(0, bins.Count).Where(i => bins[i].Group == group).ToArray();
            int[] reference = members.Where(i => usable[i] && IsReference(bins[i], crbnContig) && depth[i] > 0).ToArray();
            if (reference.Length == 0)
            {
                continue;
            }

            double centre = RobustStatistics.Median(reference.Select(i => depth[i]));
            foreach (int i in members)
            {
                log2[i] = depth[i] > 0 ? Math.Max(options.MinLog2, Math.Log2(depth[i] / centre)) : options.MinLog2;
            }

            // Fitted on the reference bins only: on the CRBN contig a large deletion would bend the curve towards itself.
            GcCurve curve = GcCurve.Fit(reference.Select(i => gc[i]).ToArray(), reference.Select(i => log2[i]).ToArray());
            foreach (int i in members)
            {
                if (depth[i] > 0)
                {
                    log2[i] -= curve.At(gc[i]);
                }
            }
        }

        return log2;
    }
}
