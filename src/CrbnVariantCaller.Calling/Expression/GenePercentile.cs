namespace CrbnVariantCaller.Calling.Expression;

/// <summary>A gene's percentile against a reference, or why there is none.</summary>
/// <param name="Symbol">Gene symbol.</param>
/// <param name="Percentile">Mid-rank percentile (0–100, <see cref="PercentileRank"/>), or null.</param>
/// <param name="ReferenceSize">How many reference values it was ranked among.</param>
/// <param name="Reason">Why <paramref name="Percentile"/> is null (gene missing from the sample or the cohort, too few values); null otherwise.</param>
public sealed record GenePercentile(string Symbol, double? Percentile, int ReferenceSize, string? Reason);
