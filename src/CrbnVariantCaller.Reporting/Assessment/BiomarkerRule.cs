namespace CrbnVariantCaller.Reporting.Assessment;

/// <summary>
/// An expression biomarker read as a cohort percentile (never an absolute cut-off): a finding is made when the gene's
/// percentile is at or below <see cref="LowPercentile"/> (for a marker whose low expression is adverse) or at or above
/// <see cref="HighPercentile"/> (for one whose high expression is adverse).
/// </summary>
/// <param name="Gene">Gene symbol.</param>
/// <param name="AdverseWhenHigh">True when high expression is the adverse direction.</param>
/// <param name="RaisesOverall">True when the finding counts as a possible resistance mechanism (CRBN itself); false for context.</param>
/// <param name="Meaning">What the published association is, in words.</param>
/// <param name="CitationKeys">Keys into <see cref="EvidenceKnowledgeBase"/>.</param>
public sealed record BiomarkerRule(string Gene, bool AdverseWhenHigh, bool RaisesOverall, string Meaning, IReadOnlyList<string> CitationKeys)
{
    /// <summary>Percentile at or below which a low-adverse marker is flagged (lowest quartile by default).</summary>
    public double LowPercentile { get; init; } = 25;

    /// <summary>Percentile at or above which a high-adverse marker is flagged (highest quartile by default).</summary>
    public double HighPercentile { get; init; } = 75;
}
