namespace CrbnVariantCaller.Counts;

/// <summary>Parameters of the coverage kernel (samtools depth semantics by default).</summary>
public sealed record CoverageRequest
{
    /// <summary>The positions to count.</summary>
    public required ReferenceWindow Window { get; init; }

    /// <summary>Which reads count (samtools depth: <c>-Q</c> and <c>-G</c>).</summary>
    public ReadFilter Filter { get; init; } = ReadFilter.Default;

    /// <summary>Count deleted positions as covered (samtools depth <c>-J</c>); reference skips never count.</summary>
    public bool IncludeDeletions { get; init; }

    /// <summary>Positions per bin of <see cref="CoverageResult.BinSums"/>; the last bin may be shorter.</summary>
    public int BinSize { get; init; } = 1000;
}
