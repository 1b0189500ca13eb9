using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Formats.SampleSheet;
using CrbnVariantCaller.Reporting.Assessment;

namespace CrbnVariantCaller.Pipeline.Batch;

/// <summary>The inputs and settings of <c>crbn batch</c>: a validated sample sheet and what is shared by every sample.</summary>
public sealed record BatchRequest
{
    /// <summary>The samples (<see cref="SampleSheetReader.Read"/>).</summary>
    public required SampleSheet Sheet { get; init; }

    /// <summary>Reference FASTA used for every sample.</summary>
    public required string Reference { get; init; }

    /// <summary>Output folder: every sample's files (named by its ID), <c>summary.tsv</c> and <c>summary.html</c>.</summary>
    public required string OutDir { get; init; }

    /// <summary>Samples analysed at the same time (at least 1).</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>Skip samples whose <c>ID.report.json</c> already exists in <see cref="OutDir"/> and parses.</summary>
    public bool Resume { get; init; }

    /// <summary>The compute device asked for.</summary>
    public DeviceRequest Device { get; init; } = DeviceRequest.Auto;

    /// <summary>BGZF inflate threads per sample.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Write plain <c>ID.vcf</c> files instead of <c>ID.vcf.gz</c> + <c>.tbi</c>.</summary>
    public bool PlainVcf { get; init; }

    /// <summary>A copy-number panel of normals (<c>crbn pon</c>) used for every DNA sample; null leaves copy number unassessed.</summary>
    public string? PanelOfNormals { get; init; }

    /// <summary>A germline site table used for every sample instead of the built-in candidates.</summary>
    public string? GermlineSites { get; init; }

    /// <summary>The Δexon10 PSI cohort for every sample (<c>--exon10-cohort</c>), unless its sheet row names its own.</summary>
    public Exon10Cohort? Exon10Cohort { get; init; }

    /// <summary>The cohorts named in the sheet's <c>exon10_cohort</c> column, read before any sample runs, by full path.</summary>
    public IReadOnlyDictionary<string, Exon10Cohort> SheetExon10Cohorts { get; init; } = new Dictionary<string, Exon10Cohort>();

    /// <summary>The lab's table of functionally tested CRBN variants for every sample (<c>--functional-variants</c>), unless its sheet row names its own.</summary>
    public FunctionalVariantTable? FunctionalVariants { get; init; }

    /// <summary>The tables named in the sheet's <c>functional_variants</c> column, read before any sample runs, by path as written.</summary>
    public IReadOnlyDictionary<string, FunctionalVariantTable> SheetFunctionalVariants { get; init; } = new Dictionary<string, FunctionalVariantTable>();
}
