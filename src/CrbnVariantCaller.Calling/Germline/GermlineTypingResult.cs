namespace CrbnVariantCaller.Calling.Germline;

/// <summary>Genotypes at every site of a table.</summary>
/// <param name="Genotypes">One per site, in table order.</param>
/// <param name="TableSource">Where the site table came from.</param>
public sealed record GermlineTypingResult(IReadOnlyList<GermlineGenotype> Genotypes, string TableSource);
