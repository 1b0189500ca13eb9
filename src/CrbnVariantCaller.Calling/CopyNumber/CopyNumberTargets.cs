using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Transcripts;

namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>
/// Builds the bins of a copy-number analysis: targets from a capture BED (each interval labelled with the CRBN exon it
/// overlaps), or, without a BED, the CRBN exon windows; and off-target or whole-genome tiles (<see cref="Tile"/>).
/// </summary>
public static class CopyNumberTargets
{
    /// <summary>Bases added to each side of a CRBN exon (the panel convention: exons ±150 bp).</summary>
    public const int ExonPadding = 150;

    /// <summary>Default bin size of whole-genome bins (no capture BED).</summary>
    public const int DefaultGenomeBinSize = 10_000;

    /// <summary>Default bin size of off-target bins (with a capture BED).</summary>
    public const int DefaultAntitargetBinSize = 50_000;

    /// <summary>Off-target bins keep this far from every target, so that reads of the capture are not counted there.</summary>
    public const int AntitargetMargin = 200;

    /// <summary>
    /// The CRBN exon windows (every exon ±<see cref="ExonPadding"/>), measured like capture targets. Without a BED they
    /// go with whole-genome bins (<see cref="Tile"/>): normalisation uses the genome, never the CRBN neighbourhood.
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

        return Sorted(targets);
    }

    /// <summary>
    /// Bins of <paramref name="binSize"/> over one contig (the last one shorter), minus <paramref name="exclude"/>
    /// widened by <paramref name="margin"/>; pieces shorter than a quarter bin are dropped.
    /// </summary>
    public static IEnumerable<CopyNumberTarget> Tile(string contig, int length, int binSize, BinKind kind, IReadOnlyList<GenomicInterval> exclude, int margin = 0)
    {
        ArgumentNullException.ThrowIfNull(contig);
        ArgumentNullException.ThrowIfNull(exclude);
        ArgumentOutOfRangeException.ThrowIfLessThan(binSize, 100);
        (int Start, int End)[] holes = exclude.Where(e => e.Contig == contig)
            .Select(e => (Math.Max(1, e.Start.Value - margin), e.End.Value + margin))
            .OrderBy(h => h.Item1)
            .ToArray();
        int h = 0;
        for (int start = 1; start <= length; start += binSize)
        {
            int end = Math.Min(length, start + binSize - 1);
            int from = start;
            while (h < holes.Length && holes[h].End < start)
            {
                h++;
            }

            for (int k = h; k < holes.Length && holes[k].Start <= end; k++)
            {
                if (holes[k].Start > from && holes[k].Start - from >= binSize / 4)
                {
                    yield return Bin(contig, from, holes[k].Start - 1, kind);
                }

                from = Math.Max(from, holes[k].End + 1);
            }

            if (end - from + 1 >= binSize / 4)
            {
                yield return Bin(contig, from, end, kind);
            }
        }
    }

    private static CopyNumberTarget Bin(string contig, int start, int end, BinKind kind) =>
        new(new GenomicInterval(contig, new Position(start), new Position(end)), $"{contig}:{start}-{end}", null, kind);

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
