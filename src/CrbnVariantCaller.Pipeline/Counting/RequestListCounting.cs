using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Counts.Batches;

namespace CrbnVariantCaller.Pipeline.Counting;

/// <summary>
/// Runs a list of requests a Calling class asked for on the compute engine, one kernel launch each, and returns the
/// plain counts in the same order. Which backend ran them (and any fallback) stays with the engine, where the report
/// takes it from.
/// </summary>
public static class RequestListCounting
{
    /// <summary>One pileup of <paramref name="reads"/> per request.</summary>
    public static IReadOnlyList<PileupCounts> Pileups(this ComputeEngine engine, ReadBatch reads, IEnumerable<PileupRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(requests);
        return requests.Select(r => engine.Pileup(reads, r).Value).ToList();
    }

    /// <summary>The coverage of <paramref name="reads"/> under each request.</summary>
    public static IReadOnlyList<CoverageResult> Coverages(this ComputeEngine engine, ReadBatch reads, IEnumerable<CoverageRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(requests);
        return requests.Select(r => engine.Coverage(reads, r).Value).ToList();
    }
}
