using CrbnVariantCaller.Counts;

namespace CrbnVariantCaller.Calling.Snv;

/// <summary>The pileups <see cref="SnvCaller.Call"/> needs: one per quality band, lowest bound first.</summary>
/// <param name="Tumor">Over the tumour (or RNA) reads.</param>
/// <param name="Normal">Over the matched-normal reads (in the normal's refIDs), or null when there is no normal.</param>
public sealed record SnvPileupRequests(IReadOnlyList<PileupRequest> Tumor, IReadOnlyList<PileupRequest>? Normal);
