using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;

namespace CrbnVariantCaller.Core.Transcripts;

/// <summary>A key CRBN residue with the genomic positions of its codon on both builds.</summary>
/// <param name="Label">As the literature writes it: <c>W380</c>, or <c>stop</c>.</param>
/// <param name="AminoAcid">One-letter code, <c>*</c> for the stop codon.</param>
/// <param name="Codon">Codon number (NP_057386.2), 443 for the stop.</param>
/// <param name="Exons">The exon(s) the codon lies in, e.g. <c>9/10</c> for a codon split by an intron.</param>
/// <param name="Grch37">Codon bases c.1st, 2nd, 3rd on GRCh37 (descending: CRBN is on the minus strand).</param>
/// <param name="Grch38">Codon bases on GRCh38.</param>
/// <param name="Roles">Why the residue matters.</param>
public sealed record KeyResidue(
    string Label,
    char AminoAcid,
    int Codon,
    string Exons,
    IReadOnlyList<Position> Grch37,
    IReadOnlyList<Position> Grch38,
    ResidueRole Roles)
{
    /// <summary>The codon's three genomic positions on one build, in transcript order.</summary>
    /// <exception cref="ArgumentException"><paramref name="build"/> is unknown.</exception>
    public IReadOnlyList<Position> PositionsOn(GenomeBuild build) => build switch
    {
        GenomeBuild.GRCh37 => Grch37,
        GenomeBuild.GRCh38 => Grch38,
        _ => throw new ArgumentException("Key residues are known on GRCh37 and GRCh38 only.", nameof(build)),
    };
}
