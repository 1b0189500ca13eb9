namespace CrbnVariantCaller.Reporting.Model;

/// <summary>Coverage and read-level QC over the CRBN coding exons. Null values mean "not measured" (for example no DNA).</summary>
public sealed record QcSummary
{
    /// <summary>Mean depth over the CRBN coding bases (after read filters, no cap).</summary>
    public double? MeanDepth { get; init; }

    /// <summary>Median depth over the CRBN coding bases.</summary>
    public double? MedianDepth { get; init; }

    /// <summary>Lowest depth at any CRBN coding base.</summary>
    public int? MinDepth { get; init; }

    /// <summary>Fraction of CRBN coding bases with depth ≥ 100.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("fraction_at_least_100x")]
    public double? FractionAtLeast100x { get; init; }

    /// <summary>Fraction of CRBN coding bases with depth ≥ 500.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("fraction_at_least_500x")]
    public double? FractionAtLeast500x { get; init; }

    /// <summary>Fraction of reads over the region marked as duplicates.</summary>
    public double? DuplicateRate { get; init; }

    /// <summary>Number of CRBN coding bases measured (1329 on NM_016302.4, stop codon included).</summary>
    public int? CodingBases { get; init; }

    /// <summary>Reads examined over the region.</summary>
    public long? ReadsExamined { get; init; }

    /// <summary>Fraction of examined reads below the mapping-quality threshold.</summary>
    public double? LowMappingQualityRate { get; init; }

    /// <summary>The assay these numbers describe.</summary>
    public VariantSource Source { get; init; } = VariantSource.Dna;
}
