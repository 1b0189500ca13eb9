using CrbnVariantCaller.Core.Genome;

namespace CrbnVariantCaller.Reporting.Model;

/// <summary>
/// Everything <c>crbn call</c> reports for one sample: the in-memory form of <c>ID.report.json</c>
/// (<c>shared/contracts/OUTPUTS.md</c>). The pipeline fills it from the calling results; the writers in this assembly
/// turn it into JSON, HTML and VCF. Property names become snake_case JSON names. Every section is always present so that
/// a reader can follow a contract path (for example <c>splicing.crbn_exon10_skipping.status</c>) on any report; a
/// section that could not be computed says <c>not_assessable</c> and why.
/// </summary>
public sealed record SampleReport
{
    /// <summary>The schema version this model writes.</summary>
    public const string CurrentSchemaVersion = "1.0";

    /// <summary>Version of the report schema (<c>"1.x"</c>); bumped on any breaking change to named fields.</summary>
    public string SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The sample identifier, as the user gave it (may contain any characters; writers escape it).</summary>
    public required string Sample { get; init; }

    /// <summary>The genome build of the inputs: <c>"GRCh38"</c> or <c>"GRCh37"</c>.</summary>
    public required GenomeBuild GenomeBuild { get; init; }

    /// <summary>The program, its version and the compute backend that did the work.</summary>
    public required ToolInfo Tool { get; init; }

    /// <summary>The disease setting given by the user (<c>--setting</c>); the assessment applies each biomarker rule only in its evidence's setting.</summary>
    public ClinicalSetting Setting { get; init; } = ClinicalSetting.Unspecified;

    /// <summary>The input files.</summary>
    public InputsInfo Inputs { get; init; } = new();

    /// <summary>CRBN small variants (DNA and RNA), filtered ones included with their filter reasons.</summary>
    public IReadOnlyList<VariantReport> Variants { get; init; } = [];

    /// <summary>Force-genotyped allele counts at the key residues (drug contacts, pocket, zinc ligands, ...).</summary>
    public IReadOnlyList<KnownResidueObservation> KnownResidues { get; init; } = [];

    /// <summary>Coverage and read-level quality over the CRBN coding exons.</summary>
    public QcSummary Qc { get; init; } = new();

    /// <summary>Per-position limit of detection over the CRBN coding bases.</summary>
    public LimitOfDetection LimitOfDetection { get; init; } = new();

    /// <summary>Copy-number results.</summary>
    public CopyNumberSection CopyNumber { get; init; } = new();

    /// <summary>Splicing results (Δexon10 and the CRBN junction landscape).</summary>
    public SplicingSection Splicing { get; init; } = new();

    /// <summary>Expression of the biomarker genes and signature scores.</summary>
    public ExpressionSection Expression { get; init; } = new();

    /// <summary>Typed germline pharmacogenetic SNPs.</summary>
    public GermlineSection Germline { get; init; } = new();

    /// <summary>
    /// The lab's own table of functionally tested CRBN variants (<c>--functional-variants FILE</c>: its file name and rows),
    /// added to the built-in table whenever the report is assessed; null when none was given.
    /// </summary>
    public Assessment.FunctionalVariantTable? LabFunctionalVariants { get; init; }

    /// <summary>The interpretation; build it with <see cref="CrbnVariantCaller.Reporting.Assessment.AssessmentBuilder"/>.</summary>
    public AssessmentResult Assessment { get; init; } = new();

    /// <summary>What could not be judged, and why (for example coverage below the limit of detection).</summary>
    public IReadOnlyList<NotAssessableItem> NotAssessable { get; init; } = [];
}
