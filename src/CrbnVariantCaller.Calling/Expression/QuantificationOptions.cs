namespace CrbnVariantCaller.Calling.Expression;

/// <summary>Counting settings of <see cref="ExpressionQuantifier"/>, in featureCounts terms.</summary>
public sealed record QuantificationOptions
{
    /// <summary>
    /// Count fragments (<c>-p --countReadPairs</c>) instead of reads. Null (default): fragments when the batch has paired
    /// reads, reads otherwise.
    /// </summary>
    public bool? CountFragments { get; init; }

    /// <summary>featureCounts <c>-Q</c>. Default 0 (featureCounts' default).</summary>
    public int MinMappingQuality { get; init; }

    /// <summary>featureCounts <c>-M</c>. Default false: NH &gt; 1 and secondary alignments are not counted.</summary>
    public bool CountMultiMapping { get; init; }

    /// <summary>featureCounts <c>--ignoreDup</c>. Default false.</summary>
    public bool IgnoreDuplicates { get; init; }
}
