using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>One region whose read depth is measured for copy number: a padded CRBN exon or a control target.</summary>
/// <param name="Interval">The region (closed, 1-based), named as the BAM names its contig.</param>
/// <param name="Name">A label such as <c>CRBN_exon9</c> or <c>CTRL_chr3_3060001</c>.</param>
/// <param name="CrbnExon">The CRBN exon (NM_016302.4 numbering) the target covers, or null for a control target.</param>
public sealed record CopyNumberTarget(GenomicInterval Interval, string Name, int? CrbnExon)
{
    /// <summary>True for a control target (copy-neutral by assumption; used to normalise depth).</summary>
    public bool IsControl => CrbnExon is null;
}
