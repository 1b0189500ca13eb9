namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>
/// Finds heterozygous germline SNPs from per-position allele counts (A, C, G, T): the reference base and the most
/// frequent other base, with enough depth and a minor-allele fraction inside the limits. In a matched normal the
/// limits are 0.3–0.7; in a tumour alone they are wider (0.1–0.9), since loss of heterozygosity pulls the fraction
/// towards 0 or 1 by the tumour's purity.
/// </summary>
public static class HetSiteFinder
{
    /// <summary>The site if position <paramref name="position"/> is heterozygous, else null.</summary>
    /// <param name="contig">The contig.</param>
    /// <param name="position">1-based position.</param>
    /// <param name="reference">The reference base (A, C, G or T; anything else is never a site).</param>
    /// <param name="counts">Reads per base, in the order A, C, G, T.</param>
    /// <param name="fromNormal">True for a matched normal (narrow limits).</param>
    /// <param name="options">Depth and count limits.</param>
    public static HetSite? Test(string contig, int position, char reference, ReadOnlySpan<int> counts, bool fromNormal, CopyNumberOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int refIndex = "ACGT".IndexOf(char.ToUpperInvariant(reference), StringComparison.Ordinal);
        if (refIndex < 0)
        {
            return null;
        }

        int alt = AltIndex(refIndex, counts);
        int refCount = counts[refIndex];
        int altCount = counts[alt];
        int depth = refCount + altCount;
        if (depth < options.MinHetDepth || Math.Min(refCount, altCount) < options.MinHetMinorReads)
        {
            return null;
        }

        double fraction = (double)altCount / depth;
        double low = fromNormal ? 0.3 : 0.1;
        return fraction >= low && fraction <= 1 - low ? new HetSite(contig, position, refCount, altCount) : null;
    }

    /// <summary>The most frequent base other than the reference (the first of a tie), as an index into A, C, G, T.</summary>
    public static int AltIndex(int refIndex, ReadOnlySpan<int> counts)
    {
        int alt = -1;
        for (int b = 0; b < 4; b++)
        {
            if (b != refIndex && (alt < 0 || counts[b] > counts[alt]))
            {
                alt = b;
            }
        }

        return alt;
    }
}
