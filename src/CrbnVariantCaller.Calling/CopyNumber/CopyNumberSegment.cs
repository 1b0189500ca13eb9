namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>A run of bins with one copy ratio (from <see cref="Segmenter"/>).</summary>
/// <param name="Contig">The contig.</param>
/// <param name="Start">First base of the first bin (1-based).</param>
/// <param name="End">Last base of the last bin.</param>
/// <param name="Log2">Weighted mean residual log2 of the bins.</param>
/// <param name="StandardError">Its standard error (empirical noise / √Σweights).</param>
/// <param name="Bins">Number of bins.</param>
/// <param name="FirstBin">Index of the first bin in the segmented list.</param>
public sealed record CopyNumberSegment(string Contig, int Start, int End, double Log2, double StandardError, int Bins, int FirstBin)
{
    /// <summary>Whether the segment covers <paramref name="position"/>.</summary>
    public bool Contains(int position) => position >= Start && position <= End;
}
