using CrbnVariantCaller.Core.Genome;

namespace CrbnVariantCaller.Reporting.Vcf;

/// <summary>What a VCF needs beyond the report: the contigs of the BAM header, the reference and the filter vocabulary.</summary>
/// <param name="Contigs">Every contig with its length, in header order (from the BAM header); records are sorted in this order.</param>
/// <param name="ReferencePath">The reference FASTA as given by the user (written to <c>##reference</c>).</param>
/// <param name="FilterDescriptions">Filter ID → description for every filter the caller can set (FILTER and FT).</param>
public sealed record VcfContext(
    IReadOnlyList<ContigInfo> Contigs,
    string ReferencePath,
    IReadOnlyDictionary<string, string> FilterDescriptions)
{
    /// <summary>The <c>##fileDate</c>; null (the default) omits the line so that reruns give identical bytes.</summary>
    public DateOnly? FileDate { get; init; }

    /// <summary>The <c>##source</c> value; null writes <c>crbn</c> and the report's tool version.</summary>
    public string? Source { get; init; }
}
