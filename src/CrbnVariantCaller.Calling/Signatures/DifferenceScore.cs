namespace CrbnVariantCaller.Calling.Signatures;

/// <summary>The IMiD-14-style score of one sample.</summary>
/// <param name="Signature">Signature name.</param>
/// <param name="Score">Mean log2(TPM+1) of the adverse genes − mean of the favourable genes (higher = more adverse); null when a side has no gene present.</param>
/// <param name="AdverseMean">Weighted mean log2(TPM+1) of the adverse genes present.</param>
/// <param name="FavourableMean">Weighted mean log2(TPM+1) of the favourable genes present.</param>
/// <param name="AdverseUsed">Adverse genes found in the profile.</param>
/// <param name="FavourableUsed">Favourable genes found in the profile.</param>
/// <param name="Missing">Signature genes the profile lacks (not imputed).</param>
/// <param name="Method">The formula, for the report.</param>
public sealed record DifferenceScore(
    string Signature,
    double? Score,
    double? AdverseMean,
    double? FavourableMean,
    IReadOnlyList<string> AdverseUsed,
    IReadOnlyList<string> FavourableUsed,
    IReadOnlyList<string> Missing,
    string Method);
