namespace CrbnVariantCaller.Calling.Annotation;

/// <summary>Sequence Ontology names of <see cref="VariantConsequence"/> values.</summary>
public static class VariantConsequenceTerms
{
    /// <summary>The SO term, e.g. <c>missense_variant</c>, <c>splice_donor_variant</c>.</summary>
    public static string ToSoTerm(this VariantConsequence consequence) => consequence switch
    {
        VariantConsequence.SpliceAcceptor => "splice_acceptor_variant",
        VariantConsequence.SpliceDonor => "splice_donor_variant",
        VariantConsequence.StopGained => "stop_gained",
        VariantConsequence.Frameshift => "frameshift_variant",
        VariantConsequence.StopLost => "stop_lost",
        VariantConsequence.StartLost => "start_lost",
        VariantConsequence.InframeInsertion => "inframe_insertion",
        VariantConsequence.InframeDeletion => "inframe_deletion",
        VariantConsequence.Missense => "missense_variant",
        VariantConsequence.SpliceRegion => "splice_region_variant",
        VariantConsequence.Synonymous => "synonymous_variant",
        VariantConsequence.FivePrimeUtr => "5_prime_UTR_variant",
        VariantConsequence.ThreePrimeUtr => "3_prime_UTR_variant",
        VariantConsequence.Intron => "intron_variant",
        VariantConsequence.Intergenic => "intergenic_variant",
        _ => throw new ArgumentOutOfRangeException(nameof(consequence), consequence, null),
    };

    /// <summary>True for the consequences that disrupt the protein (truncating or essential splice).</summary>
    public static bool IsTruncating(this VariantConsequence consequence) =>
        consequence is VariantConsequence.StopGained or VariantConsequence.Frameshift
            or VariantConsequence.SpliceAcceptor or VariantConsequence.SpliceDonor or VariantConsequence.StartLost;
}
