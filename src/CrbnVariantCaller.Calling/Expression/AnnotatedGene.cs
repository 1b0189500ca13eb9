using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Calling.Expression;

/// <summary>One gene (featureCounts meta-feature) of an <see cref="ExpressionAnnotation"/>.</summary>
/// <param name="Index">Index of the gene in the annotation (the kernel's gene index).</param>
/// <param name="Symbol">Gene symbol (the GTF <c>gene_name</c>), the key of every expression result.</param>
/// <param name="GeneId">The annotation's gene id (Entrez id for the built-in models), when known.</param>
/// <param name="Contig">Contig as named in the annotation.</param>
/// <param name="ReferenceId">BAM refID of <paramref name="Contig"/>, or −1 when the BAM header lacks it.</param>
/// <param name="Strand">Gene strand.</param>
/// <param name="ExonicLength">Union of the gene's exon bases: featureCounts' <c>Length</c> column, the TPM length.</param>
/// <param name="Exons">The merged (non-overlapping, sorted) exon intervals.</param>
public sealed record AnnotatedGene(
    int Index,
    string Symbol,
    string? GeneId,
    string Contig,
    int ReferenceId,
    Strand Strand,
    int ExonicLength,
    IReadOnlyList<GenomicInterval> Exons)
{
    /// <summary>Whether the BAM header has the gene's contig (otherwise the gene counts 0 and is reported as not on the reference).</summary>
    public bool IsOnReference => ReferenceId >= 0;
}
