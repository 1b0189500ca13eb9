namespace CrbnVariantCaller.Formats.SampleSheet;

/// <summary>
/// One sample (one data row) of a sample sheet. Paths are resolved against the sheet's folder (absolute paths are kept)
/// and are null where the cell is empty or the column absent. Whether the files exist is not checked here: a missing
/// file fails that sample only, when it runs.
/// </summary>
public sealed record SampleSheetEntry
{
    /// <summary>The sample ID (column <c>sample</c>): names the sample's output files and its report.</summary>
    public required string Sample { get; init; }

    /// <summary>The 1-based line of the row in the sheet, for messages.</summary>
    public required long LineNumber { get; init; }

    /// <summary>Tumour DNA BAM (column <c>dna</c>).</summary>
    public string? Dna { get; init; }

    /// <summary>Matched normal DNA BAM (column <c>normal</c>); only with <see cref="Dna"/>.</summary>
    public string? Normal { get; init; }

    /// <summary>RNA-seq BAM (column <c>rna</c>).</summary>
    public string? Rna { get; init; }

    /// <summary>Expression table (column <c>expression</c>): salmon, featureCounts, RSEM or a matrix; used without <see cref="Rna"/>.</summary>
    public string? Expression { get; init; }

    /// <summary>GTF/GFF3 of the expression genes (column <c>annotation</c>); the built-in models when null.</summary>
    public string? Annotation { get; init; }

    /// <summary>Reference cohort TSV for expression percentiles (column <c>cohort</c>).</summary>
    public string? Cohort { get; init; }

    /// <summary>Δexon10 PSI cohort TSV (column <c>exon10_cohort</c>, <c>--exon10-cohort</c>); overrides the batch's for this sample.</summary>
    public string? Exon10Cohort { get; init; }

    /// <summary>The lab's table of functionally tested CRBN variants (column <c>functional_variants</c>, <c>--functional-variants</c>); overrides the batch's for this sample.</summary>
    public string? FunctionalVariants { get; init; }

    /// <summary>Signature gene-set file (column <c>signature</c>).</summary>
    public string? Signature { get; init; }

    /// <summary>Disease setting (column <c>setting</c>): <c>newly_diagnosed</c> or <c>relapsed</c>; null when not given.</summary>
    public string? Setting { get; init; }
}
