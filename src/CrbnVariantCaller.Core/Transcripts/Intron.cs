using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Core.Transcripts;

/// <summary>
/// An intron, or more generally a splice junction, given as its first and last intronic base (1-based, STAR
/// <c>SJ.out.tab</c> convention). Intron N lies between exon N and exon N+1 in transcript order; an exon-skipping
/// junction spans several exons.
/// </summary>
/// <param name="UpstreamExon">The exon before the junction in transcript order (its donor site).</param>
/// <param name="DownstreamExon">The exon after the junction in transcript order (its acceptor site).</param>
/// <param name="Interval">The intronic bases removed by the splice.</param>
public sealed record Intron(int UpstreamExon, int DownstreamExon, GenomicInterval Interval)
{
    /// <summary>Length in bases.</summary>
    public int Length => Interval.Length;
}
