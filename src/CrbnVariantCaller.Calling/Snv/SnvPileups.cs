using CrbnVariantCaller.Counts;

namespace CrbnVariantCaller.Calling.Snv;

/// <summary>The counts of <see cref="SnvPileupRequests"/>, in the same order: what <see cref="SnvCaller.Call"/> calls from.</summary>
/// <param name="Tumor">One pileup of the tumour (or RNA) reads per quality band.</param>
/// <param name="Normal">One pileup of the normal reads per quality band, or null when there is no normal.</param>
public sealed record SnvPileups(IReadOnlyList<PileupCounts> Tumor, IReadOnlyList<PileupCounts>? Normal);
