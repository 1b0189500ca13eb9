namespace CrbnVariantCaller.Reporting.Model;

/// <summary>Expression of one gene.</summary>
public sealed record GeneExpression
{
    /// <summary>Read (fragment) counts with featureCounts semantics, or the imported estimate.</summary>
    public double Counts { get; init; }

    /// <summary>Transcripts per million over the counted genes.</summary>
    public double? Tpm { get; init; }

    /// <summary>Counts per million mapped reads.</summary>
    public double? Cpm { get; init; }

    /// <summary>Percentile (0–100) against the reference cohort or batch; null when there is no cohort.</summary>
    public double? Percentile { get; init; }
}
