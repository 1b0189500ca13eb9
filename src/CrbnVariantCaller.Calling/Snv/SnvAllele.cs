using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Calling.Snv;

/// <summary>A single-base substitution to be counted at <see cref="Position"/> (<see cref="SnvCaller.MeasureSnvs"/>).</summary>
/// <param name="Position">The substituted base (1-based).</param>
/// <param name="Alt">The alternate base: A, C, G or T.</param>
public sealed record SnvAllele(Position Position, char Alt);
