using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>
/// Mean depth per target on the compute engine's coverage kernel. Nearby targets on one contig share one coverage
/// window (targets closer than <see cref="MaxGap"/>, windows up to <see cref="MaxWindow"/> bases), so a panel costs a
/// few kernel launches rather than one per target. Depth follows <c>samtools depth</c>/<c>bedcov -j</c>: reads with
/// UNMAP, SECONDARY, QCFAIL or DUP are skipped, deletions and skips do not count, overlapping mates count twice.
/// </summary>
public sealed class TargetDepthCounter(ComputeEngine engine)
{
    /// <summary>Targets closer than this share a coverage window.</summary>
    public const int MaxGap = 50_000;

    /// <summary>The longest coverage window.</summary>
    public const int MaxWindow = 2_000_000;

    /// <summary>The backend that ran the last coverage launch (for logging).</summary>
    public string? LastBackend { get; private set; }

    /// <summary>Counts the mean depth of <paramref name="reads"/> on each target.</summary>
    /// <param name="sample">The sample's name.</param>
    /// <param name="reads">Reads overlapping the targets (more are fine).</param>
    /// <param name="targets">The targets.</param>
    /// <param name="referenceIdOf">The BAM refID of a contig name, or null when the BAM lacks the contig (depth 0).</param>
    public TargetDepths Count(string sample, ReadBatch reads, IReadOnlyList<CopyNumberTarget> targets, Func<string, int?> referenceIdOf)
    {
        ArgumentNullException.ThrowIfNull(reads);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(referenceIdOf);
        double[] depth = new double[targets.Count];
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

                var window = new ReferenceWindow(refId, new Position(windowStart), new Position(windowEnd));
                ComputeResult<CoverageResult> coverage = engine.Coverage(reads, new CoverageRequest { Window = window, BinSize = window.Length });
                LastBackend = coverage.Backend.ToString();
                int[] perBase = coverage.Value.Depth;
                for (int k = from; k < to; k++)
                {
                    GenomicInterval interval = targets[order[k]].Interval;
                    long sum = 0;
                    for (int p = interval.Start.Value - windowStart; p <= interval.End.Value - windowStart; p++)
                    {
                        sum += perBase[p];
                    }

                    depth[order[k]] = (double)sum / interval.Length;
                }

                from = to;
            }
        }

        return new TargetDepths(sample, targets, depth);
    }
}
