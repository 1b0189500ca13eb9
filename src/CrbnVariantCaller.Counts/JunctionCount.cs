using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Counts;

/// <summary>
/// Reads supporting one splice junction: the intron spans <see cref="IntronStart"/>..<see cref="IntronEnd"/>
/// (1-based, both included, as in STAR's SJ.out.tab); the donor exon ends just before it and the acceptor exon starts just after.
/// </summary>
/// <param name="ReferenceId">BAM refID.</param>
/// <param name="IntronStart">First intronic base.</param>
/// <param name="IntronEnd">Last intronic base.</param>
/// <param name="Strand">From the reads' XS tag; <see cref="Strand.Unknown"/> when they have none.</param>
/// <param name="Reads">Number of N operations (reads) supporting it.</param>
public readonly record struct JunctionCount(int ReferenceId, Position IntronStart, Position IntronEnd, Strand Strand, int Reads);
