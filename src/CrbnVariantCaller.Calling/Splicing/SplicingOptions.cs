namespace CrbnVariantCaller.Calling.Splicing;

/// <summary>
/// Settings of <see cref="CrbnSplicingAnalyzer"/>: which spliced reads count and the thresholds of the exon-10 call.
/// Every threshold is configuration, not biology: no validated clinical cut-off for Δexon10 exists.
/// </summary>
public sealed record SplicingOptions
{
    /// <summary>The defaults: anchor 8, unique alignments only, 95% Wilson interval, assess from 10 effective reads.</summary>
    public static SplicingOptions Default { get; } = new();

    /// <summary>
    /// Aligned (M/=/X) bases required on each side of an N operation (up to the neighbouring N or the read end) for it
    /// to count. This removes the 1–2 base overhangs aligners thread across known junctions. Default 8.
    /// </summary>
    public int MinAnchor { get; init; } = 8;

    /// <summary>
    /// Count only uniquely aligned reads (default true): NH:i:1 when the read has an NH tag, otherwise MAPQ ≥
    /// <see cref="UniqueMappingQuality"/>. Secondary, supplementary, QC-failed and duplicate records never count.
    /// </summary>
    public bool UniqueOnly { get; init; } = true;

    /// <summary>The MAPQ that marks a unique alignment for reads without an NH tag. Default 10.</summary>
    public int UniqueMappingQuality { get; init; } = 10;

    /// <summary>Reads below this MAPQ never count, NH or not. Default 0.</summary>
    public int MinMappingQuality { get; init; }

    /// <summary>Where junction strands come from. Default <see cref="JunctionStrandSource.Auto"/>.</summary>
    public JunctionStrandSource StrandSource { get; init; } = JunctionStrandSource.Auto;

    /// <summary>Two-sided confidence level of the psi interval. Default 0.95.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>
    /// Exon 10 is assessable only when the effective junction count, skip reads + inclusion reads / 2, reaches this.
    /// Default 10 (for example 20 inclusion reads and no skip read).
    /// </summary>
    public double MinEffectiveReadsToAssess { get; init; } = 10;

    /// <summary>Skip-junction reads needed to call Δexon10 detected. Default 3.</summary>
    public int MinSkipReadsToDetect { get; init; } = 3;

    /// <summary>The lower confidence bound of psi must exceed this to call Δexon10 detected. Default 0.01.</summary>
    public double MinPsiLowerBoundToDetect { get; init; } = 0.01;

    /// <summary>Other CRBN junctions with fewer reads are left out of the junction landscape. Default 1 (keep all).</summary>
    public int MinReadsToReportJunction { get; init; } = 1;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MinAnchor);
        ArgumentOutOfRangeException.ThrowIfNegative(UniqueMappingQuality);
        ArgumentOutOfRangeException.ThrowIfNegative(MinMappingQuality);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConfidenceLevel, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ConfidenceLevel, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegative(MinEffectiveReadsToAssess);
        ArgumentOutOfRangeException.ThrowIfNegative(MinSkipReadsToDetect);
        ArgumentOutOfRangeException.ThrowIfNegative(MinPsiLowerBoundToDetect);
        ArgumentOutOfRangeException.ThrowIfNegative(MinReadsToReportJunction);
    }
}
