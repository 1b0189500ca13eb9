namespace CrbnVariantCaller.Reporting.Model;

/// <summary>A gene-set signature score (an IMiD-14-style difference score or a single-sample rank score).</summary>
public sealed record SignatureScore
{
    /// <summary>The signature's name from the gene-set file.</summary>
    public required string Name { get; init; }

    /// <summary><c>mean_log2_adverse_minus_favourable</c> or <c>rank_singscore</c>.</summary>
    public required string Method { get; init; }

    /// <summary>The score; null when too few genes were measured.</summary>
    public double? Score { get; init; }

    /// <summary>Percentile against the cohort; null without one.</summary>
    public double? Percentile { get; init; }

    /// <summary>Genes of the set that were measured.</summary>
    public int GenesUsed { get; init; }

    /// <summary>Genes of the set with no measurement.</summary>
    public IReadOnlyList<string> GenesMissing { get; init; } = [];

    /// <summary>How to read the score (direction, caveats).</summary>
    public string? Interpretation { get; init; }
}
