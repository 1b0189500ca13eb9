namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>The CRBN copy-number call with the numbers behind it.</summary>
public sealed record CrbnCopyNumberCall
{
    /// <summary>The state.</summary>
    public required CopyNumberCallState State { get; init; }

    /// <summary>
    /// log2 copy ratio of the call: the CRBN segment's (or the median over exons when no segment spans the gene) for
    /// neutral, gain, LOH and whole-gene losses; the median over the affected exons for an exon-level loss; null when
    /// not assessable.
    /// </summary>
    public double? Log2Ratio { get; init; }

    /// <summary>Gene-level log2; null when not assessable.</summary>
    public double? GeneLog2Ratio { get; init; }

    /// <summary>Its standard error.</summary>
    public double? GeneStandardError { get; init; }

    /// <summary>Copies in the tumour/normal mixture, 2·2^log2 (or, with a purity, the purity-adjusted (2·2^log2 − 2(1−p))/p).</summary>
    public double? EstimatedCopies { get; init; }

    /// <summary>Exons (NM_016302.4 numbering) lost or gained, ascending; empty for neutral and not assessable.</summary>
    public IReadOnlyList<int> ExonsAffected { get; init; } = [];

    /// <summary>Per-exon copy ratios, by exon number.</summary>
    public IReadOnlyList<ExonCopyRatio> Exons { get; init; } = [];

    /// <summary>The segment that contains CRBN (its breakpoints are the segment's ends).</summary>
    public CopyNumberSegment? Segment { get; init; }

    /// <summary>Allelic imbalance of the CRBN segment.</summary>
    public AlleleImbalance? SegmentImbalance { get; init; }

    /// <summary>Whether the CRBN segment has lost heterozygosity; null when no heterozygous SNPs inform it.</summary>
    public bool? Loh { get; init; }

    /// <summary>Segments of the CRBN contig.</summary>
    public IReadOnlyList<CopyNumberSegment> Segments { get; init; } = [];

    /// <summary>Usable bins of the CRBN contig with their log2 (for the plot).</summary>
    public IReadOnlyList<BinRatio> Bins { get; init; } = [];

    /// <summary>Heterozygous SNPs on the CRBN contig (for the BAF track).</summary>
    public IReadOnlyList<HetSite> HetSites { get; init; } = [];

    /// <summary>Where the heterozygous SNPs were found (<c>matched normal</c> or <c>tumour</c>); null when none were looked for.</summary>
    public string? HetSource { get; init; }

    /// <summary>Tumour purity used for copies; null when unknown.</summary>
    public double? Purity { get; init; }

    /// <summary><c>given</c> (--purity), <c>estimated</c> (BAF and depth ratio) or <c>unknown</c>.</summary>
    public string PuritySource { get; init; } = "unknown";

    /// <summary>Why no purity could be estimated (neither given nor estimable); null when <see cref="Purity"/> is known.</summary>
    public string? PurityReason { get; init; }

    /// <summary>Integer tumour copies of the CRBN segment at <see cref="Purity"/>; null without a purity.</summary>
    public int? Copies { get; init; }

    /// <summary>Minor-allele copies of that state (known only with BAF).</summary>
    public int? MinorCopies { get; init; }

    /// <summary>Posterior probability of <see cref="Copies"/> among the states considered.</summary>
    public double? CopiesConfidence { get; init; }

    /// <summary>Normals the panel left out as outliers, with why.</summary>
    public IReadOnlyList<string> OutlierNormals { get; init; } = [];

    /// <summary>How the call was made.</summary>
    public required string Method { get; init; }

    /// <summary>Why this state (thresholds crossed), or why it could not be judged.</summary>
    public required string Reasoning { get; init; }
}
