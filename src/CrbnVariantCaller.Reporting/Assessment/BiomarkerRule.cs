using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Assessment;

/// <summary>
/// An expression biomarker read as a cohort percentile (never an absolute cut-off), applied only in the disease settings
/// its evidence comes from. A finding is made when the percentile is above <see cref="Threshold"/> (a marker whose high
/// expression is adverse) or at or below it (one whose low expression is adverse).
/// </summary>
/// <param name="Gene">Gene symbol.</param>
/// <param name="AdverseWhenHigh">True when high expression is the adverse direction.</param>
/// <param name="RaisesOverall">True when the finding counts as a possible resistance mechanism (CRBN itself); false for context.</param>
/// <param name="Meaning">What the published association is, in words, with its population and drug.</param>
/// <param name="CitationKeys">Keys into <see cref="EvidenceTable"/>.</param>
public sealed record BiomarkerRule(string Gene, bool AdverseWhenHigh, bool RaisesOverall, string Meaning, IReadOnlyList<string> CitationKeys)
{
    /// <summary>The percentile cut: flagged above it when high is adverse, at or below it when low is adverse.</summary>
    public double Threshold { get; init; } = double.NaN;

    /// <summary>The settings the evidence applies in; empty when it does not depend on the setting.</summary>
    public IReadOnlySet<ClinicalSetting> AppliesIn { get; init; } = new HashSet<ClinicalSetting>();

    /// <summary>A caveat the finding must carry (a confounder, a proxy measurement).</summary>
    public string? Caveat { get; init; }

    /// <summary>The cut in use: <see cref="Threshold"/>, or the quartile of the adverse direction (75 high, 25 low).</summary>
    public double Cut => double.IsNaN(Threshold) ? (AdverseWhenHigh ? 75 : 25) : Threshold;

    /// <summary>True when the percentile falls in the adverse group.</summary>
    public bool Flags(double percentile) => AdverseWhenHigh ? percentile > Cut : percentile <= Cut;

    /// <summary>True when the rule may be applied in <paramref name="setting"/>.</summary>
    public bool AppliesTo(ClinicalSetting setting) => AppliesIn.Count == 0 || AppliesIn.Contains(setting);
}
