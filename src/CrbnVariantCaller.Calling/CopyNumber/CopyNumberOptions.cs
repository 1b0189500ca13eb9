namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>Thresholds of the copy-number analysis (log2 of tumour/normal depth ratio). Defaults are in the README.</summary>
public sealed record CopyNumberOptions
{
    /// <summary>The defaults.</summary>
    public static CopyNumberOptions Default { get; } = new();

    /// <summary>Gene-level log2 at or below this (and significant) is a loss (a one-copy loss at purity 0.25 gives −0.19).</summary>
    public double LossLog2 { get; init; } = -0.1;

    /// <summary>log2 at or below this is a loss of both copies (a pure one-copy loss is −1).</summary>
    public double HomozygousLossLog2 { get; init; } = -1.5;

    /// <summary>Gene-level log2 at or above this (and significant) is a gain (one extra copy at purity 0.25 gives +0.17).</summary>
    public double GainLog2 { get; init; } = 0.1;

    /// <summary>A run of exons whose log2 is at or below this (and is significant) is a partial (exon-level) loss.</summary>
    public double FocalLossLog2 { get; init; } = -0.6;

    /// <summary>An exon counts towards a partial loss only when its log2 is at least this many standard errors below 0.</summary>
    public double FocalMinZ { get; init; } = 4;

    /// <summary>A gene-level change is called only when it is at least this many standard errors away from 0.</summary>
    public double GeneMinZ { get; init; } = 4;

    /// <summary>Smallest per-bin spread assumed (a four-normal panel underestimates spread).</summary>
    public double MinSpread { get; init; } = 0.05;

    /// <summary>Smallest standard error assumed for a segment's log2 (systematic error the counts do not show).</summary>
    public double MinSegmentSe { get; init; } = 0.02;

    /// <summary>Fewer normals than this and copy number is not assessable.</summary>
    public int MinNormals { get; init; } = 2;

    /// <summary>Target bins whose median depth in the normals is below this are not used.</summary>
    public double MinTargetDepth { get; init; } = 10;

    /// <summary>Bins with fewer reads than this (median over the normals) are not used.</summary>
    public double MinBinReads { get; init; } = 20;

    /// <summary>Bins whose depth is below this fraction of their kind's median are not used (unmappable, mostly N).</summary>
    public double MinBackgroundFraction { get; init; } = 0.1;

    /// <summary>Fewer usable reference bins (autosomes other than the CRBN contig) than this and copy number is not assessable.</summary>
    public int MinReferenceBins { get; init; } = 3;

    /// <summary>Fewer usable CRBN exons than this and copy number is not assessable.</summary>
    public int MinCrbnExons { get; init; } = 6;

    /// <summary>Read length assumed when a profile does not know it.</summary>
    public int ReadLength { get; init; } = 100;

    /// <summary>Tumour purity (0–1] given by the lab (<c>--purity</c>); estimated from BAF and depth otherwise.</summary>
    public double? Purity { get; init; }

    /// <summary>Lowest log2 reported (a bin with no reads at all).</summary>
    public double MinLog2 { get; init; } = -7;

    /// <summary>A change point is accepted when its two-sample t statistic is at least this.</summary>
    public double SegmentMinT { get; init; } = 4;

    /// <summary>Fewest bins in a segment.</summary>
    public int MinSegmentBins { get; init; } = 3;

    /// <summary>A normal whose residual noise exceeds this multiple of the panel's median is left out.</summary>
    public double OutlierNoiseFactor { get; init; } = 1.8;

    /// <summary>... and exceeds this absolute noise (log2 units).</summary>
    public double MinOutlierNoise { get; init; } = 0.15;

    /// <summary>A sample whose residual noise against the panel exceeds this does not fit the panel.</summary>
    public double MaxSampleNoise { get; init; } = 0.6;

    /// <summary>
    /// A sample noisier than this multiple of the panel normals' median (leave-one-out) noise is not assessable: the
    /// same standard a normal must meet to stay in the panel (<see cref="OutlierNoiseFactor"/>).
    /// </summary>
    public double MaxNoiseFactor { get; init; } = 1.8;

    /// <summary>Largest |log2| difference of target-to-background enrichment between a sample and its panel.</summary>
    public double MaxEnrichmentDifference { get; init; } = 1.5;

    /// <summary>Largest fraction of the panel's usable bins that may have no reads in the sample.</summary>
    public double MaxEmptyBinFraction { get; init; } = 0.2;

    /// <summary>Largest read-length ratio between a sample and its panel.</summary>
    public double MaxReadLengthRatio { get; init; } = 1.5;

    /// <summary>Least depth (both alleles) at a heterozygous SNP.</summary>
    public int MinHetDepth { get; init; } = 15;

    /// <summary>Least reads of the minor allele at a heterozygous SNP.</summary>
    public int MinHetMinorReads { get; init; } = 3;

    /// <summary>
    /// WGS: heterozygous SNPs are looked for on the CRBN contig within this distance of the gene's midpoint (5 Mb in all),
    /// never over the whole genome (see <c>HetSiteCollector.Regions</c>).
    /// </summary>
    public int WholeGenomeBafFlank { get; init; } = 2_500_000;

    /// <summary>Fewest heterozygous SNPs for a segment's BAF to count.</summary>
    public int MinBafSites { get; init; } = 5;

    /// <summary>Smallest standard error assumed for a segment's BAF deviation.</summary>
    public double MinBafSe { get; init; } = 0.01;

    /// <summary>Allelic imbalance is significant when the likelihood ratio is at least this and the deviation at least <see cref="MinImbalance"/>.</summary>
    public double MinImbalanceLr { get; init; } = 15;

    /// <summary>Smallest BAF deviation counted as imbalance.</summary>
    public double MinImbalance { get; init; } = 0.04;

    /// <summary>Penalty (in squared-z units) per tumour copy away from 2 in the purity fit.</summary>
    public double CopyPenalty { get; init; } = 1;
}
