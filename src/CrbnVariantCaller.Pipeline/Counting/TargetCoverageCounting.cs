using CrbnVariantCaller.Calling.CopyNumber;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts.Batches;

namespace CrbnVariantCaller.Pipeline.Counting;

/// <summary>Copy-number depth: the coverage windows over the targets, counted on the engine, then the mean depths.</summary>
public static class TargetCoverageCounting
{
    /// <summary>The mean depth of <paramref name="reads"/> on each target.</summary>
    /// <param name="engine">Counts the coverage.</param>
    /// <param name="sample">The sample's name.</param>
    /// <param name="reads">Reads overlapping the targets (more are fine), in one or more chunks.</param>
    /// <param name="targets">The targets.</param>
    /// <param name="referenceIdOf">The BAM refID of a contig name, or null when the BAM lacks the contig (depth 0).</param>
    public static TargetDepths MeasureTargetDepths(
        this ComputeEngine engine,
        string sample,
        IEnumerable<ReadBatch> reads,
        IReadOnlyList<CopyNumberTarget> targets,
        Func<string, int?> referenceIdOf)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return TargetDepthCounter.Count(sample, targets, referenceIdOf, engine.Coverages(reads, TargetDepthCounter.CoverageRequests(targets, referenceIdOf)));
    }
}
