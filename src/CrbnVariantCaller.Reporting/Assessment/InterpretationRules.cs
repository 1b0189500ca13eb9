using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Assessment;

/// <summary>
/// The configurable interpretation rules. Point mutations: "likely resistance" only for truncating changes before codon
/// 426, changes of the drug-binding pocket (H378, W380, Y384, W386, W400), changes of the zinc ligands (C323, C326, C391,
/// C394) and variants in the curated table of functionally tested variants; any other CULT-domain missense is of
/// uncertain significance (position alone is not evidence). Δexon10 is <c>possible</c> unless its PSI is high against a
/// lab cohort (<see cref="Exon10HighPercentile"/>) or has risen since baseline (<c>crbn compare</c>). Expression biomarkers apply
/// only in the setting of their evidence. Bind it from configuration to change a threshold; <see cref="Default"/> is the
/// documented rule.
/// </summary>
public sealed record InterpretationRules
{
    // Declared before Default: static initialisers run in text order.
    private static readonly HashSet<ClinicalSetting> NewlyDiagnosed = [ClinicalSetting.NewlyDiagnosed];
    private static readonly HashSet<ClinicalSetting> Relapsed = [ClinicalSetting.Relapsed];

    /// <summary>
    /// Point mutations count as assessed only when the median coding position can detect a variant at this VAF (the limit
    /// of detection); a 2x sample that saw no variant has not shown there is none. 0.25 is a clonal heterozygous change at
    /// 50% tumour purity.
    /// </summary>
    public double MaxMedianDetectableVaf { get; init; } = 0.25;

    /// <summary>The documented default.</summary>
    public static InterpretationRules Default { get; } = new();

    /// <summary>Name and version printed in the report.</summary>
    public string Name { get; init; } = "crbn-rules-2 (pocket, zinc ligands, truncating and functionally tested variants; setting-specific biomarkers)";

    /// <summary>First residue of the drug-binding (CULT) domain.</summary>
    public int DomainStart { get; init; } = 318;

    /// <summary>Last residue of the drug-binding (CULT) domain.</summary>
    public int DomainEnd { get; init; } = 426;

    /// <summary>Truncating changes (frameshift, nonsense, essential splice) before this codon are flagged.</summary>
    public int TruncatingBeforeCodon { get; init; } = 426;

    /// <summary>Drug-binding pocket residues whose any protein-altering change is flagged: drug contacts H378, W380, W386, the tri-Trp pocket W400, and Y384.</summary>
    public IReadOnlySet<int> PocketResidues { get; init; } = new HashSet<int> { 378, 380, 384, 386, 400 };

    /// <summary>Zinc-binding residues of the CULT domain whose any protein-altering change is flagged.</summary>
    public IReadOnlySet<int> ZincLigands { get; init; } = new HashSet<int> { 323, 326, 391, 394 };

    /// <summary>
    /// The curated table of functionally tested CRBN variants (each with its PMID/DOI). A lab's own rows
    /// (<c>--functional-variants FILE</c>) are not set here but recorded in the report
    /// (<see cref="SampleReport.LabFunctionalVariants"/>), so that every re-assessment of the report uses them too.
    /// </summary>
    public IReadOnlyList<FunctionalVariant> FunctionalVariants { get; init; } = FunctionalVariantTable.BuiltIn.Variants;

    /// <summary>
    /// The percentile of the lab's Δexon10 cohort (<c>--exon10-cohort</c>, <see cref="Exon10Cohort"/>) above which a PSI is
    /// high: a Δexon10 whose 95% interval lies above the cohort's PSI at this percentile is graded a likely mechanism.
    /// Without a cohort Δexon10 stays <c>possible</c>.
    /// </summary>
    public double Exon10HighPercentile { get; init; } = 95;

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

    /// <summary>Expression biomarkers, read as cohort percentiles, each in the setting of its evidence.</summary>
    public IReadOnlyList<BiomarkerRule> Biomarkers { get; init; } =
    [
        new("CRBN", AdverseWhenHigh: false, RaisesOverall: true,
            "lowest-quartile CRBN expression: shorter PFS (3.0 vs 8.9 months) and no responses at very low CRBN in relapsed/refractory myeloma on pomalidomide-dexamethasone",
            [EvidenceTable.LeukRes2014]) { AppliesIn = Relapsed },
        new("IKZF1", AdverseWhenHigh: true, RaisesOverall: false,
            "IKZF1 RNA above the lowest quartile: the less favourable group in newly diagnosed myeloma on lenalidomide with intensive chemotherapy (3-year PFS 51% vs 86%, DSMM XII)",
            [EvidenceTable.Dsmm2017]) { Threshold = 25, AppliesIn = NewlyDiagnosed },
        new("IKZF1", AdverseWhenHigh: false, RaisesOverall: false,
            "lowest-quartile IKZF1 RNA: predicted non-response in relapsed/refractory myeloma on pomalidomide-dexamethasone (the opposite direction to newly diagnosed disease)",
            [EvidenceTable.Blood2014Ikzf1, EvidenceTable.JHematolOncol2016]) { AppliesIn = Relapsed },
        new("IKZF3", AdverseWhenHigh: true, RaisesOverall: false,
            "IKZF3 expression was associated with PFS in cytogenetically standard-risk newly diagnosed myeloma on lenalidomide (DSMM XII)",
            [EvidenceTable.Dsmm2017]) { AppliesIn = NewlyDiagnosed },
        new("BSG", AdverseWhenHigh: true, RaisesOverall: false,
            "BSG (CD147) expression was associated with PFS in cytogenetically standard-risk newly diagnosed myeloma on lenalidomide (DSMM XII)",
            [EvidenceTable.Dsmm2017]) { AppliesIn = NewlyDiagnosed },
        new("SLC16A1", AdverseWhenHigh: true, RaisesOverall: false,
            "high MCT1 (SLC16A1) expression: shorter PFS and OS on lenalidomide maintenance after high-dose melphalan and ASCT (evidence from the maintenance setting)",
            [EvidenceTable.Stroh2022]) { AppliesIn = NewlyDiagnosed },
        new("ADAR", AdverseWhenHigh: true, RaisesOverall: false,
            "high ADAR1 expression associated with lenalidomide resistance (suppressed dsRNA/MDA5 interferon response)",
            [EvidenceTable.Koh2025]) { Caveat = "ADAR lies on 1q21: a 1q gain raises ADAR expression and is itself adverse, so check 1q copy number before reading this as IMiD-specific" },
        new("MIR22HG", AdverseWhenHigh: false, RaisesOverall: false,
            "low miR-22: poor lenalidomide response in IMiD-treated myeloma",
            [EvidenceTable.Caracciolo2021]) { Caveat = "MIR22HG is the host gene of miR-22 and only a proxy for the mature miRNA the study measured" },
        new("MYC", AdverseWhenHigh: true, RaisesOverall: false,
            "high MYC with low miR-22: poor lenalidomide response in IMiD-treated myeloma",
            [EvidenceTable.Caracciolo2021]),
    ];
}
