using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Calling.Snv;

/// <summary>A run of tested positions that could not be judged, and why.</summary>
/// <param name="Interval">The genomic run (contiguous tested positions sharing the reason).</param>
/// <param name="What">What could not be judged, e.g. <c>CRBN c.1138_1158 (exon 10)</c>.</param>
/// <param name="Reason">Why, e.g. <c>depth 42-58: minimum detectable VAF 0.14-0.19 is above 0.05</c>.</param>
public sealed record NotAssessableRegion(GenomicInterval Interval, string What, string Reason);
