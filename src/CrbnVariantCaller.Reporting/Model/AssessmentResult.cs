namespace CrbnVariantCaller.Reporting.Model;

/// <summary>The interpretation of a sample (<c>assessment</c>).</summary>
public sealed record AssessmentResult
{
    /// <summary>The overall call.</summary>
    public OverallAssessment Overall { get; init; } = OverallAssessment.NotAssessable;

    /// <summary>The findings behind the call, most important first.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>One sentence for the report header.</summary>
    public string Summary { get; init; } = "Not assessed.";

    /// <summary>The interpretation rule set applied (its name and thresholds).</summary>
    public string? Rules { get; init; }

    /// <summary>The disease setting the biomarker rules were applied in.</summary>
    public ClinicalSetting Setting { get; init; } = ClinicalSetting.Unspecified;

    /// <summary>The version of the evidence table the citations come from.</summary>
    public string? EvidenceVersion { get; init; }

    /// <summary>The date of that version.</summary>
    public string? EvidenceDate { get; init; }

    /// <summary>Every source cited by a finding, numbered in order of first citation.</summary>
    public IReadOnlyList<ReferenceEntry> References { get; init; } = [];
}
