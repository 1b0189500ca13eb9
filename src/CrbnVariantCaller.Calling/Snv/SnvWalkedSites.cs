namespace CrbnVariantCaller.Calling.Snv;

/// <summary>The 0-based positions whose reads <see cref="SnvCaller.Call"/> walks (<see cref="SnvCaller.WalkedPositions"/>).</summary>
/// <param name="Tumor">Significant SNV sites and indel sites, sorted, in the tumour.</param>
/// <param name="Normal">Indel sites, sorted, in the normal (the normal's SNV evidence comes from its pileups alone).</param>
public sealed record SnvWalkedSites(IReadOnlyList<int> Tumor, IReadOnlyList<int> Normal);
