using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Calling.Snv;

/// <summary>The limit of detection at one tested coding position.</summary>
/// <param name="Position">The genomic position.</param>
/// <param name="HgvsPosition">Its c. position (<c>1156</c>, <c>1016+3</c>).</param>
/// <param name="Depth">Reads covering it after filters.</param>
/// <param name="CriticalAltReads">The fewest alt reads that would be significant here.</param>
/// <param name="MinimumVaf">The smallest allele fraction detected with the configured power (1 with no coverage).</param>
public sealed record DetectionLimit(Position Position, string HgvsPosition, int Depth, int CriticalAltReads, double MinimumVaf);
