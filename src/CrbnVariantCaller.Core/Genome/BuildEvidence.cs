namespace CrbnVariantCaller.Core.Genome;

/// <summary>One contig's testimony about the genome build.</summary>
/// <param name="Contig">The contig name as the header or index writes it.</param>
/// <param name="Length">Its length in that file.</param>
/// <param name="Supports">The build it points to, or <see cref="GenomeBuild.Unknown"/> when it matches neither.</param>
/// <param name="Note">A human-readable explanation (for logs and reports).</param>
public sealed record BuildEvidence(string Contig, long Length, GenomeBuild Supports, string Note);
