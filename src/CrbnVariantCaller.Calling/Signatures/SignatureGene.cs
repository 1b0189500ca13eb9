namespace CrbnVariantCaller.Calling.Signatures;

/// <summary>One gene of a <see cref="GeneSignature"/>.</summary>
/// <param name="Symbol">Gene symbol, matched case-insensitively to the profile.</param>
/// <param name="Direction">Adverse or favourable.</param>
/// <param name="Weight">Weight in the difference score's weighted means (1 when the file gives none; must be &gt; 0).</param>
public sealed record SignatureGene(string Symbol, SignatureDirection Direction, double Weight = 1.0);
