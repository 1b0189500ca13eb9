using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Calling.Germline;

/// <summary>
/// A germline SNP to type: one reference base and one or more alternative bases at a 1-based position.
/// </summary>
/// <param name="Id">Identifier, e.g. <c>rs1045642</c>.</param>
/// <param name="Gene">Gene symbol, e.g. <c>ABCB1</c>.</param>
/// <param name="Contig">Contig name (<c>chr7</c> and <c>7</c> both match a BAM's contig).</param>
/// <param name="Position">1-based position.</param>
/// <param name="Reference">Reference base (A, C, G or T) on the forward strand.</param>
/// <param name="Alternates">Alternative bases on the forward strand, in VCF ALT order (allele 1, 2, ...).</param>
/// <param name="Note">Free text (HGVS, literature, provenance).</param>
/// <param name="StudyNotation">
/// The allele naming of the literature, for example <c>c.3435C&gt;T</c>: the study's common allele before <c>&gt;</c>, its
/// variant allele(s) after it (<c>/</c>-separated), on the gene's strand. The genotype is reported in these letters
/// (<see cref="StudyAlleles"/>), whatever the reference genome calls REF. Null when the table gives none.
/// </param>
/// <param name="NotationOnMinusStrand">True when <paramref name="StudyNotation"/> is on the minus strand (the gene's strand), so forward-strand bases are complemented.</param>
public sealed record GermlineSite(
    string Id, string Gene, string Contig, Position Position, char Reference, IReadOnlyList<char> Alternates, string Note = "",
    string? StudyNotation = null, bool NotationOnMinusStrand = false)
{
    /// <summary>Reference then alternates: the alleles by their VCF index.</summary>
    public IReadOnlyList<char> Alleles => [Reference, .. Alternates];
}
