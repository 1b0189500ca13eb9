using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Counts;

/// <summary>One feature (an exon) belonging to meta-feature <see cref="GeneIndex"/>, closed 1-based like GTF.</summary>
/// <param name="ReferenceId">BAM refID of the feature's contig.</param>
/// <param name="Start">First base.</param>
/// <param name="End">Last base.</param>
/// <param name="Strand">Feature strand; <see cref="Strand.Unknown"/> matches reads on both strands.</param>
/// <param name="GeneIndex">Index of the gene in the caller's gene list (≥ 0).</param>
public readonly record struct FeatureInterval(int ReferenceId, Position Start, Position End, Strand Strand, int GeneIndex);
