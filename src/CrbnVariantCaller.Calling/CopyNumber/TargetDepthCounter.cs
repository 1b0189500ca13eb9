using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>
/// Mean depth per target from per-base coverage. Nearby targets on one contig share one coverage window (targets
/// closer than <see cref="MaxGap"/>, windows up to <see cref="MaxWindow"/> bases), so a panel costs a few coverage
/// counts rather than one per target: <see cref="CoverageRequests"/> lists them, the pipeline counts them, and
/// <see cref="Count"/> turns them into depths. Depth follows <c>samtools depth</c>/<c>bedcov -j</c>: reads with
/// UNMAP, SECONDARY, QCFAIL or DUP are skipped, deletions and skips do not count, overlapping mates count twice.
/// </summary>
public static class TargetDepthCounter
{
    /// <summary>Targets closer than this share a coverage window.</summary>
    public const int MaxGap = 50_000;

    /// <summary>The longest coverage window.</summary>
    public const int MaxWindow = 2_000_000;

    /// <summary>The coverage <see cref="Count"/> needs: one request per window of nearby targets.</summary>
    /// <param name="targets">The targets.</param>
    /// <param name="referenceIdOf">The BAM refID of a contig name, or null when the BAM lacks the contig (depth 0).</param>
    public static IReadOnlyList<CoverageRequest> CoverageRequests(IReadOnlyList<CopyNumberTarget> targets, Func<string, int?> referenceIdOf) =>
        Windows(targets, referenceIdOf).Select(w => new CoverageRequest { Window = w.Window, BinSize = w.Window.Length }).ToList();

    /// <summary>The mean depth on each target.</summary>
    /// <param name="sample">The sample's name.</param>
    /// <param name="targets">The targets.</param>
    /// <param name="referenceIdOf">The BAM refID of a contig name, or null when the BAM lacks the contig (depth 0).</param>
    /// <param name="coverage">The coverage of <see cref="CoverageRequests"/> for the same targets, in the same order.</param>
    /// <exception cref="ArgumentException">The coverage is not the one asked for.</exception>
    public static TargetDepths Count(string sample, IReadOnlyList<CopyNumberTarget> targets, Func<string, int?> referenceIdOf, IReadOnlyList<CoverageResult> coverage)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        List<CoverageWindow> windows = Windows(targets, referenceIdOf);
        if (coverage.Count != windows.Count)
        {
            throw new ArgumentException($"{windows.Count} coverage windows are needed, {coverage.Count} given", nameof(coverage));
        }

        double[] depth = new double[targets.Count];
        for (int w = 0; w < windows.Count; w++)
        {
            (ReferenceWindow window, IReadOnlyList<int> members) = windows[w];
            if (coverage[w].Window != window)
            {
                throw new ArgumentException($"coverage {w} is not over the window asked for", nameof(coverage));
            }

            int[] perBase = coverage[w].Depth;
            foreach (int t in members)
            {
                GenomicInterval interval = targets[t].Interval;
                long sum = 0;
                for (int p = interval.Start.Value - window.Start.Value; p <= interval.End.Value - window.Start.Value; p++)
                {
                    sum += perBase[p];
                }

                depth[t] = (double)sum / interval.Length;
            }
        }

        return new TargetDepths(sample, targets, depth);
    }

    /// <summary>Groups the targets on contigs the BAM has into windows, by contig (first seen first) and position.</summary>
    private static List<CoverageWindow> Windows(IReadOnlyList<CopyNumberTarget> targets, Func<string, int?> referenceIdOf)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(referenceIdOf);
        var windows = new List<CoverageWindow>();
        foreach (IGrouping<string, int> contig in Enumerable.Range(0, targets.Count).GroupBy(i => targets[i].Interval.Contig))
        {
            if (referenceIdOf(contig.Key) is not { } refId)
            {
                continue;
            }

            int[] order = contig.OrderBy(i => targets[i].Interval.Start.Value).ToArray();
            int from = 0;
            while (from < order.Length)
            {
                int windowStart = targets[order[from]].Interval.Start.Value;
                int windowEnd = targets[order[from]].Interval.End.Value;
                int to = from + 1;
                while (to < order.Length)
                {
                    GenomicInterval next = targets[order[to]].Interval;
                    if (next.Start.Value - windowEnd > MaxGap || Math.Max(windowEnd, next.End.Value) - windowStart + 1 > MaxWindow)
                    {
                        break;
                    }

                    windowEnd = Math.Max(windowEnd, next.End.Value);
                    to++;
                }

                windows.Add(new CoverageWindow(new ReferenceWindow(refId, new Position(windowStart), new Position(windowEnd)), order[from..to]));
                from = to;
            }
        }

        return windows;
    }

    /// <summary>One coverage window and the indices of the targets inside it.</summary>
    private sealed record CoverageWindow(ReferenceWindow Window, IReadOnlyList<int> Targets);
}
