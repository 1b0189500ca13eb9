using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;

namespace CrbnVariantCaller.Compute.Backends;

/// <summary>
/// One way of running the counting kernels. Every backend returns identical integers for identical input
/// (enforced by the Parity test suite). Backends are not thread-safe: use one per thread.
/// </summary>
public interface IComputeBackend : IDisposable
{
    /// <summary>What kind of backend this is.</summary>
    BackendKind Kind { get; }

    /// <summary>The device, in words (for reports and logs).</summary>
    string DeviceName { get; }

    /// <summary>Per-position base, deletion and insertion counts by strand.</summary>
    PileupCounts Pileup(ReadBatch batch, PileupRequest request);

    /// <summary>Per-position depth and per-bin depth sums.</summary>
    CoverageResult Coverage(ReadBatch batch, CoverageRequest request);

    /// <summary>Reads per splice junction, sorted by refID, intron start, intron end, strand.</summary>
    IReadOnlyList<JunctionCount> Junctions(ReadBatch batch, JunctionRequest request);

    /// <summary>Reads or fragments per gene with featureCounts semantics.</summary>
    FeatureCountResult FeatureCounts(ReadBatch batch, FeatureIndex features, FeatureCountRequest request);
}
