namespace CrbnVariantCaller.Counts;

/// <summary>
/// Parameters of the pileup kernel. With <see cref="ReadFilter.SkipAnomalousPairs"/> = true, MinBaseQuality 13
/// and overlap handling on, it reproduces <c>samtools mpileup -B</c> without a reference; see kernels/README.md.
/// </summary>
public sealed record PileupRequest
{
    /// <summary>The positions to count.</summary>
    public required ReferenceWindow Window { get; init; }

    /// <summary>Which reads count.</summary>
    public ReadFilter Filter { get; init; } = ReadFilter.Default;

    /// <summary>Bases (and deletions, through the next base) with a quality below this are skipped; samtools <c>-Q</c>, default 13.</summary>
    public int MinBaseQuality { get; init; } = 13;

    /// <summary>
    /// Apply htslib's overlapping-mate rule (<c>tweak_overlap_quality</c>): in the overlap of two mates the second
    /// mate's base quality becomes 0 (and the first one's is summed or lowered), so a base-quality threshold ≥ 1
    /// counts each overlapping base once. samtools <c>-x</c> turns it off.
    /// </summary>
    public bool HandleOverlappingMates { get; init; } = true;
}
