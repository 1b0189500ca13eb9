namespace CrbnVariantCaller.Core.Genome;

/// <summary>A contig as a BAM header (<c>@SQ SN/LN</c>) or a FASTA index (<c>.fai</c>) lists it.</summary>
/// <param name="Name">The contig name exactly as the file writes it.</param>
/// <param name="Length">The contig length in bases.</param>
public readonly record struct ContigInfo(string Name, long Length);
