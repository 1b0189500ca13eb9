using CrbnVariantCaller.Compute.Host;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;

namespace CrbnVariantCaller.Compute.Cpu;

/// <summary>
/// The managed reference backend: the readable statement of every kernel rule, and the fallback when no
/// device is usable. Large batches are split into one chunk of reads per core, each counted into its own
/// array and summed at the end, so the result does not depend on scheduling.
/// </summary>
public sealed class CpuBackend : IComputeBackend
{
    private const int ReadsPerParallelChunk = 16_384;
    private readonly int _maxParallelism;

    /// <summary>Creates the backend; <paramref name="maxParallelism"/> 0 means one worker per core.</summary>
    public CpuBackend(int maxParallelism = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxParallelism);
        _maxParallelism = maxParallelism == 0 ? Environment.ProcessorCount : maxParallelism;
    }

    /// <inheritdoc />
    public BackendKind Kind => BackendKind.Cpu;

    /// <inheritdoc />
    public string DeviceName => $"managed CPU ({_maxParallelism} worker{(_maxParallelism == 1 ? "" : "s")})";

    /// <inheritdoc />
    public PileupCounts Pileup(ReadBatch batch, PileupRequest request)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(request);
        byte[] quals = batch.QualityArray;
        if (request.HandleOverlappingMates)
        {
            OverlapPairs pairs = OverlapPairs.Find(batch, request.Window.ReferenceId, request.Filter);
            if (pairs.Count > 0)
            {
                quals = (byte[])batch.QualityArray.Clone();
                OverlapQualityTweak.Apply(batch, pairs, quals);
            }
        }

        int size = request.Window.Length * PileupCounts.ChannelsPerPosition;
        int[] counts = SumOverChunks(batch.Count, size, (lo, hi, local) =>
        {
            for (int r = lo; r < hi; r++)
            {
                CpuPileupKernel.CountRead(batch, r, quals, request, local);
            }
        });
        return new PileupCounts(request.Window, counts);
    }

    /// <inheritdoc />
    public CoverageResult Coverage(ReadBatch batch, CoverageRequest request)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.BinSize);
        int length = request.Window.Length;
        int[] diff = SumOverChunks(batch.Count, length + 1, (lo, hi, local) =>
        {
            for (int r = lo; r < hi; r++)
            {
                CpuCoverageKernel.AddRead(batch, r, request, local);
            }
        });
        int[] depth = CpuCoverageKernel.PrefixSum(diff, length);
        return new CoverageResult(request.Window, request.BinSize, depth, CpuCoverageKernel.BinSums(depth, request.BinSize));
    }

    /// <inheritdoc />
    public IReadOnlyList<JunctionCount> Junctions(ReadBatch batch, JunctionRequest request) =>
        JunctionRecords(batch, request).Reduce();

    /// <summary>The raw per-N records (exposed for parity tests of the emit kernel).</summary>
    internal JunctionRecords JunctionRecords(ReadBatch batch, JunctionRequest request)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(request);
        int[] offsets = new int[batch.Count + 1];
        for (int r = 0; r < batch.Count; r++)
        {
            offsets[r + 1] = offsets[r] + CpuJunctionKernel.CountRecords(batch, r, request.Filter);
        }

        int total = offsets[batch.Count];
        int[] refs = new int[total], starts = new int[total], ends = new int[total], info = new int[total];
        ForEachChunk(batch.Count, (lo, hi) =>
        {
            for (int r = lo; r < hi; r++)
            {
                CpuJunctionKernel.Emit(batch, r, request, offsets[r], refs, starts, ends, info);
            }
        });
        return new JunctionRecords(refs, starts, ends, info);
    }

    /// <inheritdoc />
    public FeatureCountResult FeatureCounts(ReadBatch batch, FeatureIndex features, FeatureCountRequest request)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(request);
        int[] mateOf = request.CountFragments ? FragmentMates.Find(batch) : NoMates(batch.Count);
        int[] assignments = new int[batch.Count];
        ForEachChunk(batch.Count, (lo, hi) =>
        {
            for (int r = lo; r < hi; r++)
            {
                assignments[r] = CpuFeatureKernel.Assign(batch, r, mateOf, features, request);
            }
        });
        return new FeatureCountResult(assignments, features.GeneCount);
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    internal static int[] NoMates(int count)
    {
        int[] none = new int[count];
        Array.Fill(none, -1);
        return none;
    }

    private void ForEachChunk(int count, Action<int, int> body)
    {
        if (count <= ReadsPerParallelChunk || _maxParallelism == 1)
        {
            body(0, count);
            return;
        }

        int chunks = (count + ReadsPerParallelChunk - 1) / ReadsPerParallelChunk;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = _maxParallelism }, c =>
            body(c * ReadsPerParallelChunk, Math.Min(count, (c + 1) * ReadsPerParallelChunk)));
    }

    /// <summary>Runs <paramref name="body"/> over one contiguous slice of reads per worker, each into its own array, then adds them up.</summary>
    private int[] SumOverChunks(int count, int size, Action<int, int, int[]> body)
    {
        int workers = Math.Min(_maxParallelism, Math.Max(1, count / ReadsPerParallelChunk));
        if (workers == 1)
        {
            int[] single = new int[size];
            body(0, count, single);
            return single;
        }

        int[][] locals = new int[workers][];
        int per = (count + workers - 1) / workers;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            int[] local = new int[size];
            body(w * per, Math.Min(count, (w + 1) * per), local);
            locals[w] = local;
        });
        int[] total = locals[0];
        for (int w = 1; w < workers; w++)
        {
            int[] local = locals[w];
            for (int i = 0; i < size; i++)
            {
                total[i] += local[i];
            }
        }

        return total;
    }
}
