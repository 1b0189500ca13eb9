using CrbnVariantCaller.Formats.Bgzf;

namespace CrbnVariantCaller.Formats.Bam.Index;

/// <summary>A run of BAM data between two virtual offsets: records starting at or after <see cref="Begin"/> and before <see cref="End"/>.</summary>
public readonly record struct IndexChunk(VirtualOffset Begin, VirtualOffset End);
