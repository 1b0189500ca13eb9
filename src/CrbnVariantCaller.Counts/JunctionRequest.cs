namespace CrbnVariantCaller.Counts;

/// <summary>Parameters of the junction kernel.</summary>
public sealed record JunctionRequest
{
    /// <summary>Which reads count.</summary>
    public ReadFilter Filter { get; init; } = ReadFilter.Default;

    /// <summary>
    /// A junction is counted only when both sides have at least this many aligned (M/=/X) bases between the
    /// N operation and the neighbouring N operation or read end.
    /// </summary>
    public int MinAnchor { get; init; } = 8;
}
