using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts;

namespace CrbnVariantCaller.Pipeline.Inputs;

/// <summary>One sample's inputs and settings for <c>crbn call</c>; paths are as the user gave them.</summary>
public sealed record CallRequest
{
    /// <summary>Tumour DNA BAM (WGS, exome or panel); null for an RNA-only call.</summary>
    public string? DnaBam { get; init; }

    /// <summary>Matched normal DNA BAM.</summary>
    public string? NormalBam { get; init; }

    /// <summary>RNA-seq BAM.</summary>
    public string? RnaBam { get; init; }

    /// <summary>An expression table (salmon quant.sf, featureCounts, RSEM, CSV/TSV matrix) used when no RNA BAM is given.</summary>
    public string? ExpressionTable { get; init; }

    /// <summary>Reference FASTA (plain with .fai, or bgzipped with .fai and .gzi).</summary>
    public required string Reference { get; init; }

    /// <summary>A GTF/GFF3 for the expression genes; the built-in models are used when null.</summary>
    public string? Annotation { get; init; }

    /// <summary>A reference cohort TSV (<c>crbn cohort build</c>) for expression percentiles.</summary>
    public string? Cohort { get; init; }

    /// <summary>The lab's Δexon10 PSI cohort (<c>--exon10-cohort</c>, read before the run); Δexon10 stays <c>possible</c> without one.</summary>
    public Reporting.Assessment.Exon10Cohort? Exon10Cohort { get; init; }

    /// <summary>The lab's table of functionally tested CRBN variants (<c>--functional-variants</c>, read before the run), added to the built-in table and recorded in the report.</summary>
    public Reporting.Assessment.FunctionalVariantTable? FunctionalVariants { get; init; }

    /// <summary>A signature gene-set file (adverse/favourable genes), such as an IMiD-14 list.</summary>
    public string? Signature { get; init; }

    /// <summary>A germline site table replacing the built-in ABCB1/VEGFA candidates.</summary>
    public string? GermlineSites { get; init; }

    /// <summary>A copy-number panel of normals.</summary>
    public string? PanelOfNormals { get; init; }

    /// <summary>Tumour purity (0–1] given by the lab; estimated from BAF and depth when null.</summary>
    public double? Purity { get; init; }

    /// <summary>The sample ID used to name the outputs; taken from the BAM's @RG SM when null.</summary>
    public string? SampleId { get; init; }

    /// <summary>The output folder.</summary>
    public required string OutDir { get; init; }

    /// <summary>The compute device asked for.</summary>
    public DeviceRequest Device { get; init; } = DeviceRequest.Auto;

    /// <summary>BGZF inflate threads.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>The most decoded reads held in memory at once (the reads are streamed through the kernels in chunks of this size).</summary>
    public int ChunkReads { get; init; } = Ingest.ReadChunks.DefaultMaxReads;

    /// <summary>The RNA library's strandedness when the user knows it; detected from the reads when null.</summary>
    public Strandedness? RnaStrandedness { get; init; }

    /// <summary>The disease setting the biomarker rules are applied in (<c>--setting</c>).</summary>
    public Reporting.Model.ClinicalSetting Setting { get; init; } = Reporting.Model.ClinicalSetting.Unspecified;

    /// <summary>Write a plain <c>ID.vcf</c> instead of <c>ID.vcf.gz</c> + <c>.tbi</c>.</summary>
    public bool PlainVcf { get; init; }
}
