namespace CrbnVariantCaller.Reporting.Assessment;

/// <summary>
/// The configurable interpretation rule of <c>CRBN.md §Key residues</c>: flag as a likely resistance mechanism any missense
/// change in the CULT domain, any frameshift, nonsense or essential splice change before codon 426, and any change of a
/// pocket residue; report other coding variants as of uncertain significance. Plus the copy-number, splicing and
/// expression rules. Bind it from configuration to change a threshold; <see cref="Default"/> is the documented rule.
/// </summary>
public sealed record InterpretationRules
{
    /// <summary>
    /// Point mutations count as assessed only when the median coding position can detect a variant at this VAF (the limit
    /// of detection); a 2x sample that saw no variant has not shown there is none. 0.25 is a clonal heterozygous change at
    /// 50% tumour purity.
    /// </summary>
    public double MaxMedianDetectableVaf { get; init; } = 0.25;

    /// <summary>The documented default.</summary>
    public static InterpretationRules Default { get; } = new();

    /// <summary>Name and version printed in the report.</summary>
    public string Name { get; init; } = "crbn-rules-1 (CRBN.md key-residue rule)";

    /// <summary>First residue of the drug-binding (CULT) domain.</summary>
    public int DomainStart { get; init; } = 318;

    /// <summary>Last residue of the drug-binding (CULT) domain.</summary>
    public int DomainEnd { get; init; } = 426;

    /// <summary>Truncating changes (frameshift, nonsense, essential splice) before this codon are flagged.</summary>
    public int TruncatingBeforeCodon { get; init; } = 426;

    /// <summary>Residues whose any protein-altering change is flagged: drug contacts, tri-Trp pocket, Y384.</summary>
    public IReadOnlySet<int> PocketResidues { get; init; } = new HashSet<int> { 378, 380, 384, 386, 400 };

    /// <summary>Sequence Ontology terms counted as missense.</summary>
    public IReadOnlySet<string> MissenseTerms { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "missense_variant" };

    /// <summary>Sequence Ontology terms counted as truncating (frameshift, nonsense, essential splice, start loss).</summary>
    public IReadOnlySet<string> TruncatingTerms { get; init; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "frameshift_variant", "stop_gained", "splice_donor_variant", "splice_acceptor_variant", "start_lost",
    };

    /// <summary>Terms that change the protein sequence (used for the pocket rule and for variants of uncertain significance).</summary>
    public IReadOnlySet<string> ProteinAlteringTerms { get; init; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "missense_variant", "frameshift_variant", "stop_gained", "stop_lost", "start_lost", "inframe_deletion",
        "inframe_insertion", "protein_altering_variant", "splice_donor_variant", "splice_acceptor_variant",
    };

    /// <summary>Terms of coding or splice-region changes that do not alter the protein (reported, never raised).</summary>
    public IReadOnlySet<string> OtherCodingTerms { get; init; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "synonymous_variant", "splice_region_variant", "stop_retained_variant", "coding_sequence_variant",
    };

    /// <summary>Count only variants whose filter is PASS.</summary>
    public bool PassOnly { get; init; } = true;

    /// <summary>Reads on a skip junction other than exon 10 (for example exon 8) for a possible-mechanism finding.</summary>
    public int OtherSkipMinReads { get; init; } = 10;

    /// <summary>Expression biomarkers, read as cohort percentiles.</summary>
    public IReadOnlyList<BiomarkerRule> Biomarkers { get; init; } =
    [
        new("CRBN", AdverseWhenHigh: false, RaisesOverall: true, "lowest-quartile CRBN expression: shorter PFS and no responses at very low CRBN on pomalidomide", [EvidenceKnowledgeBase.LeukRes2014]),
        new("IKZF1", AdverseWhenHigh: true, RaisesOverall: false, "lowest-quartile IKZF1 RNA was the better group in NDMM (the protein showed the opposite in relapse)", [EvidenceKnowledgeBase.Dsmm2017, EvidenceKnowledgeBase.JHematolOncol2016]),
        new("IKZF3", AdverseWhenHigh: true, RaisesOverall: false, "IKZF3 expression affected PFS in standard-risk patients", [EvidenceKnowledgeBase.Dsmm2017]),
        new("BSG", AdverseWhenHigh: true, RaisesOverall: false, "BSG (CD147) expression affected PFS in standard-risk patients", [EvidenceKnowledgeBase.Dsmm2017]),
        new("SLC16A1", AdverseWhenHigh: true, RaisesOverall: false, "high MCT1 expression: shorter PFS and OS on lenalidomide maintenance", [EvidenceKnowledgeBase.Stroh2022]),
        new("ADAR", AdverseWhenHigh: true, RaisesOverall: false, "high ADAR1 expression associated with IMiD resistance", [EvidenceKnowledgeBase.Koh2025]),
        new("MIR22HG", AdverseWhenHigh: false, RaisesOverall: false, "low miR-22 (host gene MIR22HG): poor lenalidomide response", [EvidenceKnowledgeBase.Caracciolo2021]),
        new("MYC", AdverseWhenHigh: true, RaisesOverall: false, "high MYC with low miR-22: poor lenalidomide response", [EvidenceKnowledgeBase.Caracciolo2021]),
    ];
}
