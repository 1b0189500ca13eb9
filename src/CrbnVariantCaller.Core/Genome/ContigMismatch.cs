namespace CrbnVariantCaller.Core.Genome;

/// <summary>What is wrong with one BAM contig with respect to the reference FASTA.</summary>
public enum ContigMismatchKind
{
    /// <summary>The reference has the contig (perhaps under the other naming style) with a different length.</summary>
    LengthDiffers = 1,

    /// <summary>The reference has no contig of that name, under either naming style.</summary>
    MissingFromReference = 2,
}

/// <summary>A BAM contig that the reference does not reproduce.</summary>
/// <param name="BamContig">The name in the BAM header.</param>
/// <param name="BamLength">The length in the BAM header.</param>
/// <param name="ReferenceContig">The matching name in the reference, or null when missing.</param>
/// <param name="ReferenceLength">The length in the reference, or null when missing.</param>
/// <param name="Kind">What is wrong.</param>
public sealed record ContigMismatch(
    string BamContig,
    long BamLength,
    string? ReferenceContig,
    long? ReferenceLength,
    ContigMismatchKind Kind);
