using System.Text.Json.Serialization;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Compare;

/// <summary>
/// <c>crbn compare</c>: one patient's baseline and relapse <c>crbn call</c> reports side by side: every CRBN variant at
/// both time points with a test of the change, Δexon10 PSI with the difference and its interval, CRBN copy number and
/// expression, and a verdict. Written as <c>BASELINE_vs_RELAPSE.compare.json</c> and <c>.compare.html</c>.
/// </summary>
public sealed record ComparisonReport
{
    /// <summary>Version of this document's schema.</summary>
    public string SchemaVersion { get; init; } = "1.0";

    /// <summary>The baseline sample.</summary>
    public required string Baseline { get; init; }

    /// <summary>The relapse sample.</summary>
    public required string Relapse { get; init; }

    /// <summary>The verdict.</summary>
    public required ComparisonVerdict Verdict { get; init; }

    /// <summary>Why, in one sentence.</summary>
    public required string VerdictReason { get; init; }

    /// <summary>Two-sided significance level of the per-variant Fisher tests and of the Δexon10 interval (0.05).</summary>
    public double Alpha { get; init; } = ReportComparer.Alpha;

    /// <summary>Every CRBN variant of either report, with counts at both time points.</summary>
    public IReadOnlyList<VariantComparison> Variants { get; init; } = [];

    /// <summary>Δexon10 at both time points.</summary>
    public required Exon10Comparison Exon10 { get; init; }

    /// <summary>CRBN copy number at both time points.</summary>
    public required CopyNumberComparison CopyNumber { get; init; }

    /// <summary>CRBN expression at both time points.</summary>
    public required ExpressionComparison CrbnExpression { get; init; }

    /// <summary>What was re-measured in the BAMs, and what could not be.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The tool and version.</summary>
    public string Tool { get; init; } = "crbn";

    /// <summary>The tool version.</summary>
    public string ToolVersion { get; init; } = string.Empty;
}

/// <summary>The verdict of a baseline/relapse comparison.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<ComparisonVerdict>))]
public enum ComparisonVerdict
{
    /// <summary>A CRBN resistance change is new or significantly larger at relapse: acquired under therapy.</summary>
    Acquired,

    /// <summary>A CRBN resistance change is present at relapse and was already there, not significantly changed, at baseline.</summary>
    PresentFromBaseline,

    /// <summary>No CRBN resistance change at relapse, and none that grew.</summary>
    None,
}

/// <summary>How a variant changed from baseline to relapse.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<VariantChange>))]
public enum VariantChange
{
    /// <summary>Not called at baseline, called at relapse, and the allele counts differ significantly.</summary>
    New,

    /// <summary>Called at both; significantly higher VAF at relapse.</summary>
    Expanded,

    /// <summary>No significant difference.</summary>
    Stable,

    /// <summary>Called at both; significantly lower VAF at relapse, still present.</summary>
    Reduced,

    /// <summary>Called at baseline, not at relapse, significantly lower there.</summary>
    Lost,
}

/// <summary>Allele counts of one variant at one time point.</summary>
public sealed record TimePointCounts
{
    /// <summary>Reads with the alternate allele.</summary>
    public int AltReads { get; init; }

    /// <summary>Reads at the site.</summary>
    public int Depth { get; init; }

    /// <summary>Alt / depth; null without depth.</summary>
    public double? Vaf => Depth > 0 ? (double)AltReads / Depth : null;

    /// <summary>True when the sample's report called it (PASS).</summary>
    public bool Called { get; init; }

    /// <summary>Where the counts come from: <c>report</c>, <c>remeasured_bam</c>, or <c>assumed_absent</c> (not in the report, no BAM).</summary>
    public required string Source { get; init; }

    /// <summary>The filter of the report's call (PASS or the failed filters); null when not in the report.</summary>
    public string? Filter { get; init; }

    /// <summary>The smallest VAF detectable at this position in this sample (the report's limit of detection); null when unknown.</summary>
    public double? LimitOfDetection { get; init; }
}

/// <summary>One variant at both time points.</summary>
public sealed record VariantComparison
{
    /// <summary>Contig.</summary>
    public required string Chrom { get; init; }

    /// <summary>Position.</summary>
    public required Position Pos { get; init; }

    /// <summary>REF.</summary>
    public required string Ref { get; init; }

    /// <summary>ALT.</summary>
    public required string Alt { get; init; }

    /// <summary>HGVS c.</summary>
    public string? HgvsC { get; init; }

    /// <summary>HGVS p.</summary>
    public string? HgvsP { get; init; }

    /// <summary>Consequence term.</summary>
    public required string Consequence { get; init; }

    /// <summary>The interpretation grade (likely mechanism, uncertain significance).</summary>
    public FindingLevel? Grade { get; init; }

    /// <summary>Counts at baseline.</summary>
    public required TimePointCounts Baseline { get; init; }

    /// <summary>Counts at relapse.</summary>
    public required TimePointCounts Relapse { get; init; }

    /// <summary>Fisher's exact two-sided p-value of alt/ref at baseline against relapse.</summary>
    public double PValue { get; init; }

    /// <summary>The change.</summary>
    public required VariantChange Change { get; init; }

    /// <summary>The protein change, or the c. change when the protein is unchanged (<c>p.=</c>), or the position.</summary>
    [JsonIgnore]
    public string DisplayName => HgvsP is { Length: > 0 } p && p != "p.=" ? p : HgvsC ?? $"{Chrom}:{Pos} {Ref}>{Alt}";
}

/// <summary>Δexon10 at both time points, with the difference and its Newcombe (Wilson-based) 95% interval.</summary>
public sealed record Exon10Comparison
{
    /// <summary>PSI at baseline (null when not assessable).</summary>
    public double? BaselinePsi { get; init; }

    /// <summary>Baseline 95% interval.</summary>
    public double? BaselineCiLow { get; init; }

    /// <summary>Baseline 95% interval.</summary>
    public double? BaselineCiHigh { get; init; }

    /// <summary>Skip / inclusion reads at baseline.</summary>
    public string? BaselineReads { get; init; }

    /// <summary>PSI at relapse.</summary>
    public double? RelapsePsi { get; init; }

    /// <summary>Relapse 95% interval.</summary>
    public double? RelapseCiLow { get; init; }

    /// <summary>Relapse 95% interval.</summary>
    public double? RelapseCiHigh { get; init; }

    /// <summary>Skip / inclusion reads at relapse.</summary>
    public string? RelapseReads { get; init; }

    /// <summary>Relapse minus baseline.</summary>
    public double? Difference { get; init; }

    /// <summary>Lower bound of the difference's interval.</summary>
    public double? DifferenceCiLow { get; init; }

    /// <summary>Upper bound of the difference's interval.</summary>
    public double? DifferenceCiHigh { get; init; }

    /// <summary><c>risen</c>, <c>fallen</c>, <c>stable</c> or <c>not_assessable</c>.</summary>
    public required string Change { get; init; }

    /// <summary>The interval method.</summary>
    public string Method { get; init; } = "Newcombe hybrid score interval (method 10) from the two Wilson intervals of the reports";
}

/// <summary>CRBN copy number at both time points.</summary>
public sealed record CopyNumberComparison
{
    /// <summary>Baseline state.</summary>
    public CopyNumberState Baseline { get; init; }

    /// <summary>Baseline log2 ratio.</summary>
    public double? BaselineLog2Ratio { get; init; }

    /// <summary>Relapse state.</summary>
    public CopyNumberState Relapse { get; init; }

    /// <summary>Relapse log2 ratio.</summary>
    public double? RelapseLog2Ratio { get; init; }

    /// <summary><c>loss_acquired</c>, <c>loss_present_from_baseline</c>, <c>unchanged</c> or <c>not_assessable</c>.</summary>
    public required string Change { get; init; }
}

/// <summary>CRBN expression percentile (and TPM) at both time points.</summary>
public sealed record ExpressionComparison
{
    /// <summary>Baseline percentile (null without a reference).</summary>
    public double? BaselinePercentile { get; init; }

    /// <summary>Baseline TPM.</summary>
    public double? BaselineTpm { get; init; }

    /// <summary>Relapse percentile.</summary>
    public double? RelapsePercentile { get; init; }

    /// <summary>Relapse TPM.</summary>
    public double? RelapseTpm { get; init; }
}
