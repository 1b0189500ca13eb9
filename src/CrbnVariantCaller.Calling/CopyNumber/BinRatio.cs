namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>One usable bin's residual log2 ratio (for the report's plot).</summary>
/// <param name="Contig">The contig.</param>
/// <param name="Start">First base (1-based).</param>
/// <param name="End">Last base.</param>
/// <param name="Log2">Residual log2 against the panel, centred on the reference bins.</param>
/// <param name="Kind">What the bin measures.</param>
public sealed record BinRatio(string Contig, int Start, int End, double Log2, BinKind Kind);
