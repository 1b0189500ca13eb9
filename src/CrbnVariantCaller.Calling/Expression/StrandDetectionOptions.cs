namespace CrbnVariantCaller.Calling.Expression;

/// <summary>Thresholds of <see cref="LibraryStrandDetector"/> (configurable; defaults follow common RSeQC practice).</summary>
public sealed record StrandDetectionOptions
{
    /// <summary>Fewer informative reads than this gives "unknown, assumed unstranded". Default 100.</summary>
    public long MinimumInformativeReads { get; init; } = 100;

    /// <summary>The winning orientation needs at least this fraction of informative reads to call a stranded library. Default 0.8.</summary>
    public double StrandedFraction { get; init; } = 0.8;

    /// <summary>Both orientations within 0.5 ± this margin call an unstranded library. Default 0.1 (40–60 %).</summary>
    public double UnstrandedMargin { get; init; } = 0.1;

    /// <summary>Reads with MAPQ below this are ignored. Default 0 (featureCounts' default).</summary>
    public int MinMappingQuality { get; init; }
}
