using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Transcripts;

namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>
/// Builds the target list of a copy-number analysis: from a capture BED (each interval labelled with the CRBN exon it
/// overlaps, or as a control), or, without a BED, from the CRBN model itself.
/// </summary>
public static class CopyNumberTargets
{
    /// <summary>Bases added to each side of a CRBN exon (the panel convention: exons ±150 bp).</summary>
    public const int ExonPadding = 150;

    /// <summary>Length of a generated control window.</summary>
    public const int ControlWindowLength = 300;

    /// <summary>Generated control windows start every this many bases (at <c>k·10,000 + 1</c>).</summary>
    public const int ControlSpacing = 10_000;

    /// <summary>Generated control windows reach this far either side of the gene.</summary>
    public const int ControlReach = 150_000;

    /// <summary>No generated control window lies within this distance of the gene (a focal deletion often extends past it).</summary>
    public const int ControlExclusion = 10_000;

    /// <summary>
    /// Targets derived from <paramref name="crbn"/> alone: every exon ±<see cref="ExonPadding"/>, plus
    /// <see cref="ControlWindowLength"/>-bp control windows every <see cref="ControlSpacing"/> bp from
    /// <see cref="ControlReach"/> before the gene to <see cref="ControlReach"/> after it, except within
    /// <see cref="ControlExclusion"/> of the gene. Windows the normals do not cover (off-target in a panel) are dropped
    /// later by the depth filter of the panel of normals. Sorted by position.
    /// </summary>
    public static IReadOnlyList<CopyNumberTarget> FromCrbnModel(TranscriptModel crbn)
    {
        ArgumentNullException.ThrowIfNull(crbn);
        var targets = new List<CopyNumberTarget>();
        foreach (Exon exon in crbn.Exons)
        {
            targets.Add(new CopyNumberTarget(
                new GenomicInterval(crbn.Contig, new Position(Math.Max(1, exon.Interval.Start.Value - ExonPadding)), exon.Interval.End.Offset(ExonPadding)),
                $"{crbn.GeneSymbol}_exon{exon.Number}",
                exon.Number));
        }

        int geneStart = crbn.Span.Start.Value;
        int geneEnd = crbn.Span.End.Value;
        int first = Math.Max(0, (geneStart - ControlReach) / ControlSpacing);
        int last = (geneEnd + ControlReach) / ControlSpacing;
        for (int k = first; k <= last; k++)
        {
            int start = (k * ControlSpacing) + 1;
            int end = start + ControlWindowLength - 1;
            if (end < geneStart - ControlExclusion || start > geneEnd + ControlExclusion)
            {
                targets.Add(new CopyNumberTarget(new GenomicInterval(crbn.Contig, new Position(start), new Position(end)), $"CTRL_{crbn.Contig}_{start}", null));
            }
        }

        return Sorted(targets);
    }

    /// <summary>
    /// Labels capture intervals: an interval overlapping a CRBN exon becomes that exon's target (the exon with the most
    /// overlapping bases), any other interval a control. Intervals on a contig named differently from
    /// <paramref name="crbn"/>'s contig are never CRBN targets. Sorted by contig order of first appearance, then position.
    /// </summary>
    /// <param name="intervals">The intervals with their optional names.</param>
    /// <param name="crbn">The CRBN model, named as the intervals name chr3.</param>
    public static IReadOnlyList<CopyNumberTarget> FromIntervals(IEnumerable<(GenomicInterval Interval, string? Name)> intervals, TranscriptModel crbn)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        ArgumentNullException.ThrowIfNull(crbn);
        var targets = new List<CopyNumberTarget>();
        foreach ((GenomicInterval interval, string? name) in intervals)
        {
            int? exon = null;
            int best = 0;
            if (string.Equals(interval.Contig, crbn.Contig, StringComparison.Ordinal))
            {
                foreach (Exon e in crbn.Exons)
                {
                    int overlap = Math.Min(e.Interval.End.Value, interval.End.Value) - Math.Max(e.Interval.Start.Value, interval.Start.Value) + 1;
                    if (overlap > best)
                    {
                        best = overlap;
                        exon = e.Number;
                    }
                }
            }

            string label = name ?? (exon is { } n ? $"{crbn.GeneSymbol}_exon{n}" : $"{interval.Contig}:{interval.Start}-{interval.End}");
            targets.Add(new CopyNumberTarget(interval, label, exon));
        }

        return Sorted(targets);
    }

    private static List<CopyNumberTarget> Sorted(List<CopyNumberTarget> targets)
    {
        var contigOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (CopyNumberTarget t in targets)
        {
            contigOrder.TryAdd(t.Interval.Contig, contigOrder.Count);
        }

        return targets
            .OrderBy(t => contigOrder[t.Interval.Contig])
            .ThenBy(t => t.Interval.Start.Value)
            .ThenBy(t => t.Interval.End.Value)
            .ToList();
    }
}
