namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>Thresholds of the CRBN copy-number call (log2 of tumour/normal depth ratio). Defaults are in the README.</summary>
public sealed record CopyNumberOptions
{
    /// <summary>The defaults.</summary>
    public static CopyNumberOptions Default { get; } = new();

    /// <summary>Gene-level log2 at or below this is a loss (one-copy loss at purity ≥ 26 % gives ≤ −0.2).</summary>
    public double LossLog2 { get; init; } = -0.2;

    /// <summary>log2 at or below this is a loss of both copies (a pure one-copy loss is −1).</summary>
    public double HomozygousLossLog2 { get; init; } = -1.5;

    /// <summary>Gene-level log2 at or above this is a gain (one extra copy at purity ≥ 30 % gives ≥ 0.2).</summary>
    public double GainLog2 { get; init; } = 0.2;

    /// <summary>A run of exons whose log2 is at or below this (and is significant) is a partial (exon-level) loss.</summary>
    public double FocalLossLog2 { get; init; } = -0.6;

    /// <summary>An exon counts towards a partial loss only when its log2 is at least this many standard errors below 0.</summary>
    public double FocalMinZ { get; init; } = 4;

    /// <summary>A gene-level change is called only when it is at least this many standard errors away from 0.</summary>
    public double GeneMinZ { get; init; } = 3;

    /// <summary>Smallest per-target spread assumed (a four-normal panel underestimates spread).</summary>
    public double MinSpread { get; init; } = 0.05;

    /// <summary>Fewer normals than this and copy number is not assessable.</summary>
    public int MinNormals { get; init; } = 2;

    /// <summary>Targets whose median depth in the normals is below this are not used.</summary>
    public double MinTargetDepth { get; init; } = 10;

    /// <summary>Fewer usable control targets than this and copy number is not assessable.</summary>
    public int MinControlTargets { get; init; } = 3;

    /// <summary>Fewer usable CRBN exons than this and copy number is not assessable.</summary>
    public int MinCrbnExons { get; init; } = 6;

    /// <summary>A sample whose mean depth over the control targets is below this is not assessable.</summary>
    public double MinSampleDepth { get; init; } = 10;

    /// <summary>Read length assumed when turning depth into a read count for the Poisson error.</summary>
    public int ReadLength { get; init; } = 100;

    /// <summary>Tumour purity (0–1] when known: the copy estimate is then purity-adjusted.</summary>
    public double? Purity { get; init; }

    /// <summary>Lowest log2 reported (a target with no reads at all).</summary>
    public double MinLog2 { get; init; } = -7;
}
