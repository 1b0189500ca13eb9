using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Core.Transcripts;

/// <summary>An exon of a transcript.</summary>
/// <param name="Number">1-based, in transcript order (exon 1 holds the transcript's 5' end, on either strand).</param>
/// <param name="Interval">The genomic span, 1-based closed.</param>
public sealed record Exon(int Number, GenomicInterval Interval)
{
    /// <summary>Length in bases.</summary>
    public int Length => Interval.Length;
}
