namespace CrbnVariantCaller.Reporting.Model;

/// <summary>One finding of the assessment.</summary>
public sealed record Finding
{
    /// <summary>The kind of evidence.</summary>
    public required FindingCategory Category { get; init; }

    /// <summary>How much it weighs.</summary>
    public required FindingLevel Level { get; init; }

    /// <summary>What was found, in one sentence.</summary>
    public required string Statement { get; init; }

    /// <summary>The numbers behind it (counts, VAF, psi, percentile).</summary>
    public required string Evidence { get; init; }

    /// <summary>Published sources for the interpretation.</summary>
    public IReadOnlyList<string> Citations { get; init; } = [];
}
