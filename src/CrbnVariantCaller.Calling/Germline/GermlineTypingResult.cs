using CrbnVariantCaller.Compute.Backends;

namespace CrbnVariantCaller.Calling.Germline;

/// <summary>Genotypes at every site of a table, with the backend that ran the pileups.</summary>
/// <param name="Genotypes">One per site, in table order.</param>
/// <param name="TableSource">Where the site table came from.</param>
/// <param name="Backend">The backend of the (last) pileup; CPU when no pileup ran.</param>
/// <param name="Device">Its device, in words.</param>
/// <param name="Fallbacks">Fallbacks to the CPU during typing; empty when none.</param>
public sealed record GermlineTypingResult(
    IReadOnlyList<GermlineGenotype> Genotypes,
    string TableSource,
    BackendKind Backend,
    string Device,
    IReadOnlyList<FallbackEvent> Fallbacks);
