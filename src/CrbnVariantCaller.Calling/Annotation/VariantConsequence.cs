namespace CrbnVariantCaller.Calling.Annotation;

/// <summary>
/// The effect of a variant on the transcript, most severe first (the enum order is the severity order used to pick
/// <see cref="VariantAnnotation.MostSevere"/>). <see cref="VariantConsequenceTerms.ToSoTerm"/> gives the Sequence
/// Ontology term a VCF CSQ field or report prints.
/// </summary>
public enum VariantConsequence
{
    /// <summary>Changes one of the two intronic bases at an acceptor (c.N-1, c.N-2).</summary>
    SpliceAcceptor = 0,

    /// <summary>Changes one of the two intronic bases at a donor (c.N+1, c.N+2).</summary>
    SpliceDonor,

    /// <summary>Creates a stop codon (nonsense).</summary>
    StopGained,

    /// <summary>Shifts the reading frame.</summary>
    Frameshift,

    /// <summary>Changes the stop codon into a sense codon.</summary>
    StopLost,

    /// <summary>Changes the start codon.</summary>
    StartLost,

    /// <summary>Inserts whole codons.</summary>
    InframeInsertion,

    /// <summary>Deletes whole codons.</summary>
    InframeDeletion,

    /// <summary>Changes one amino acid.</summary>
    Missense,

    /// <summary>Within 1–3 exonic or 3–8 intronic bases of a splice site.</summary>
    SpliceRegion,

    /// <summary>Changes a codon without changing the amino acid.</summary>
    Synonymous,

    /// <summary>In the 5' untranslated region.</summary>
    FivePrimeUtr,

    /// <summary>In the 3' untranslated region.</summary>
    ThreePrimeUtr,

    /// <summary>In an intron, away from the splice sites.</summary>
    Intron,

    /// <summary>Outside the transcript.</summary>
    Intergenic,
}
