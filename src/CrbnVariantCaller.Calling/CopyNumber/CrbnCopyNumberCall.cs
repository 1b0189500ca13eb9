namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>The CRBN copy-number call with the numbers behind it.</summary>
public sealed record CrbnCopyNumberCall
{
    /// <summary>The state.</summary>
    public required CopyNumberCallState State { get; init; }

    /// <summary>
    /// log2 copy ratio of the call: the gene-level value (median over exons) for neutral, gain and whole-gene losses;
    /// the median over the affected exons for an exon-level loss; null when not assessable.
    /// </summary>
    public double? Log2Ratio { get; init; }

    /// <summary>Gene-level log2 (median over the usable exons); null when not assessable.</summary>
    public double? GeneLog2Ratio { get; init; }

    /// <summary>Its standard error.</summary>
    public double? GeneStandardError { get; init; }

    /// <summary>Estimated copies: 2·2^log2, or purity-adjusted (2·2^log2 − 2(1−p))/p when a purity is known.</summary>
    public double? EstimatedCopies { get; init; }

    /// <summary>Exons (NM_016302.4 numbering) lost or gained, ascending; empty for neutral and not assessable.</summary>
    public IReadOnlyList<int> ExonsAffected { get; init; } = [];

    /// <summary>Per-exon copy ratios, by exon number.</summary>
    public IReadOnlyList<ExonCopyRatio> Exons { get; init; } = [];

    /// <summary>How the call was made.</summary>
    public required string Method { get; init; }

    /// <summary>Why this state (thresholds crossed), or why it could not be judged.</summary>
    public required string Reasoning { get; init; }
}
