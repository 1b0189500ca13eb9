namespace CrbnVariantCaller.Reporting.Model;

/// <summary>
/// Where a sample's Δexon10 PSI lies in a lab's cohort (<c>--exon10-cohort</c>): the cohort named, its size, the
/// sample's percentile in it, and the cohort's PSI at the percentile above which an interval counts as high.
/// </summary>
public sealed record Exon10CohortComparison
{
    /// <summary>The cohort's name (its <c># name:</c> line, else the file name).</summary>
    public required string Cohort { get; init; }

    /// <summary>The cohort's PSI values.</summary>
    public required int Samples { get; init; }

    /// <summary>The mid-rank (Hazen) percentile of this sample's PSI among the cohort's, 0–100.</summary>
    public required double Percentile { get; init; }

    /// <summary>The cohort percentile that marks a high PSI (95 by default).</summary>
    public required double HighPercentile { get; init; }

    /// <summary>The cohort's PSI at <see cref="HighPercentile"/>: a Δexon10 whose 95% interval lies above it is high.</summary>
    public required double HighPsi { get; init; }
}
