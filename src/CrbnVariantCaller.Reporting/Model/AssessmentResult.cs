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
}
