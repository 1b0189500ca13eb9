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

    /// <summary>The finding in a few words for a summary table (for example <c>p.Trp386Arg 5.0%</c>, <c>Δexon10 PSI 0.08</c>, <c>CN loss</c>).</summary>
    public string? ShortLabel { get; init; }

    /// <summary>The numbers behind it (counts, VAF, psi, percentile).</summary>
    public required string Evidence { get; init; }

    /// <summary>Published sources for the interpretation, with PMID/DOI, as printed.</summary>
    public IReadOnlyList<string> Citations { get; init; } = [];

    /// <summary>The evidence-table keys of <see cref="Citations"/>, in the same order.</summary>
    public IReadOnlyList<string> CitationKeys { get; init; } = [];

    /// <summary>The numbers of <see cref="CitationKeys"/> in <see cref="AssessmentResult.References"/>.</summary>
    public IReadOnlyList<int> ReferenceNumbers { get; init; } = [];

    /// <summary>The AMP/ASCO/CAP tier; null for limitations (nothing was found to tier).</summary>
    public AmpTier? Tier { get; init; }

    /// <summary>The rule that set <see cref="Tier"/>, in words.</summary>
    public string? TierRule { get; init; }
}
