using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>One bin whose read depth is measured for copy number: a capture target, a CRBN exon window, an off-target bin or a genome bin.</summary>
/// <param name="Interval">The region (closed, 1-based), named as the BAM names its contig.</param>
/// <param name="Name">A label such as <c>CRBN_exon9</c>, a BED name, or <c>chr3:2000001-2010000</c>.</param>
/// <param name="CrbnExon">The CRBN exon (NM_016302.4 numbering) the bin covers, or null.</param>
/// <param name="Kind">What the bin measures (targets are normalised against targets, off-target bins against off-target bins).</param>
public sealed record CopyNumberTarget(GenomicInterval Interval, string Name, int? CrbnExon, BinKind Kind = BinKind.Target)
{
    /// <summary>The normalisation group: off-target bins form their own; targets and genome bins share one (same assay depth in WGS).</summary>
    public int Group => Kind == BinKind.Antitarget ? 1 : 0;
}
