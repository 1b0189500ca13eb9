namespace CrbnVariantCaller.Calling.Signatures;

/// <summary>The singscore-style single-sample score of one sample.</summary>
/// <param name="Signature">Signature name.</param>
/// <param name="TotalScore">UpScore + DownScore, in [−1, 1] (singscore's <c>TotalScore</c>); null unless both sides have a gene in the universe.</param>
/// <param name="UpScore">Centred normalised mean rank of the adverse genes, in [−0.5, 0.5]; null without adverse genes.</param>
/// <param name="DownScore">Same for the favourable genes on reversed ranks (high when they are low), in [−0.5, 0.5]; null without favourable genes.</param>
/// <param name="UniverseSize">Genes ranked (the sample's own genes with a TPM).</param>
/// <param name="Missing">Signature genes not in the universe.</param>
/// <param name="Method">The formula, for the report.</param>
public sealed record RankScore(
    string Signature,
    double? TotalScore,
    double? UpScore,
    double? DownScore,
    int UniverseSize,
    IReadOnlyList<string> Missing,
    string Method);
