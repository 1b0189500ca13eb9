namespace CrbnVariantCaller.Reporting.Model;

/// <summary>One entry of the report's numbered reference list (findings cite it by <see cref="Number"/>).</summary>
public sealed record ReferenceEntry
{
    /// <summary>The number findings cite (1-based, in order of first citation).</summary>
    public required int Number { get; init; }

    /// <summary>The evidence-table key.</summary>
    public required string Key { get; init; }

    /// <summary>The citation as printed, with PMID/DOI.</summary>
    public required string Text { get; init; }

    /// <summary>PubMed identifier, when recorded.</summary>
    public string? Pmid { get; init; }

    /// <summary>DOI, when recorded.</summary>
    public string? Doi { get; init; }
}
