namespace CrbnVariantCaller.Calling.Annotation;

/// <summary>The effect of one variant on one transcript.</summary>
/// <param name="TranscriptId">The transcript, e.g. <c>NM_016302.4</c>.</param>
/// <param name="HgvsC">HGVS coding notation with the <c>c.</c> prefix (<c>c.1156T&gt;C</c>, <c>c.1016+1G&gt;A</c>); null outside the transcript.</param>
/// <param name="HgvsP">
/// HGVS protein notation with three-letter codes and <c>Ter</c> (<c>p.Trp386Arg</c>, <c>p.Arg419Ter</c>,
/// <c>p.Phe150LeufsTer16</c>, <c>p.Ile90del</c>, <c>p.=</c>); <c>p.?</c> when the effect on the protein cannot be
/// predicted from the sequence (splice, intronic, UTR).
/// </param>
/// <param name="Consequences">Every consequence that applies, most severe first.</param>
/// <param name="ProteinPosition">The first affected codon (NP numbering); for intronic variants the codon of the nearest coding anchor; null when none.</param>
/// <param name="InDrugBindingDomain">True when <paramref name="ProteinPosition"/> lies in the CULT domain (318–426).</param>
/// <param name="Exon">The exon number the variant starts in, when exonic.</param>
/// <param name="Intron">The intron number the variant starts in, when intronic.</param>
public sealed record VariantAnnotation(
    string TranscriptId,
    string? HgvsC,
    string HgvsP,
    IReadOnlyList<VariantConsequence> Consequences,
    int? ProteinPosition,
    bool InDrugBindingDomain,
    int? Exon,
    int? Intron)
{
    /// <summary>The most severe consequence.</summary>
    public VariantConsequence MostSevere => Consequences[0];

    /// <summary>The consequences as SO terms joined with <c>&amp;</c> (VEP style), e.g. <c>missense_variant&amp;splice_region_variant</c>.</summary>
    public string ConsequenceTerms => string.Join('&', Consequences.Select(c => c.ToSoTerm()));
}
