namespace CrbnVariantCaller.Counts;

/// <summary>Parameters of the feature-count kernel (featureCounts defaults).</summary>
public sealed record FeatureCountRequest
{
    /// <summary>featureCounts <c>-s</c>.</summary>
    public Strandedness Strandedness { get; init; } = Strandedness.Unstranded;

    /// <summary>Count fragments (read pairs) instead of reads: featureCounts <c>-p --countReadPairs</c>.</summary>
    public bool CountFragments { get; init; }

    /// <summary>featureCounts <c>-Q</c>.</summary>
    public int MinMappingQuality { get; init; }

    /// <summary>featureCounts <c>-M</c>: count reads with NH &gt; 1 and secondary alignments.</summary>
    public bool CountMultiMapping { get; init; }

    /// <summary>featureCounts <c>--ignoreDup</c>.</summary>
    public bool IgnoreDuplicates { get; init; }
}
