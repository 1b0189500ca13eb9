using System.Diagnostics;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Compute.Cpu;
using CrbnVariantCaller.Compute.Host;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace CrbnVariantCaller.Compute.Ilgpu;

/// <summary>
/// Runs the ILGPU kernels of <c>kernels/</c> on one accelerator (CUDA, an OpenCL GPU, or ILGPU's CPU accelerator for
/// parity tests). Reads go to the device in slices of at most <see cref="MaxReadsPerSlice"/> reads (never cut between
/// overlapping mates or the mates of a fragment), and counts accumulate on the device across slices, so device memory
/// is bounded by one slice plus the result arrays. A batch that fits in one slice stays on the device between calls.
/// The host steps that are not kernels (mate pairing, the small chunk-offset scan, junction reduction, tallies) are the
/// ones the CPU backend uses.
/// </summary>
internal sealed class IlgpuBackend : IComputeBackend
{
    private const int ScanChunk = 1024;
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly IlgpuKernelSet _kernels;
    private readonly Stopwatch _kernelClock = new();
    private DeviceReadSlice? _resident;

    public IlgpuBackend(Context context, Accelerator accelerator, BackendKind kind, string deviceName, int maxReadsPerSlice)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxReadsPerSlice);
        _context = context;
        _accelerator = accelerator;
        _kernels = new IlgpuKernelSet(accelerator);
        Kind = kind;
        DeviceName = deviceName;
        MaxReadsPerSlice = maxReadsPerSlice;
    }

    /// <inheritdoc />
    public BackendKind Kind { get; }

    /// <inheritdoc />
    public string DeviceName { get; }

    /// <summary>The most reads sent to the device at once.</summary>
    public int MaxReadsPerSlice { get; }

    /// <summary>Time spent in kernels (launch to synchronise, transfers excluded) by the last call.</summary>
    public TimeSpan LastKernelTime => _kernelClock.Elapsed;

    /// <summary>How many slices the last call used.</summary>
    public int LastSliceCount { get; private set; }

    /// <inheritdoc />
    public PileupCounts Pileup(ReadBatch batch, PileupRequest request)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(request);
        ReferenceWindow w = request.Window;
        OverlapPairs? pairs = request.HandleOverlappingMates ? OverlapPairs.Find(batch, w.ReferenceId, request.Filter) : null;
        var args = new PileupArgs(w.ReferenceId, w.Start.ZeroBased, w.Length, request.MinBaseQuality, FilterArgs(request.Filter));
        using MemoryBuffer1D<int, Stride1D.Dense> counts = Zeroed<int>((long)w.Length * PileupCounts.ChannelsPerPosition);
        BeginCall();
        IEnumerable<(int, int)> links = pairs is null ? [] : ReadSlices.FromPairs(pairs);
        ForEachSlice(batch, links, slice =>
        {
            (int[] a, int[] b) = pairs is null ? ([], []) : PairsIn(pairs, slice.Start, slice.End);
            if (a.Length == 0)
            {
                Launch(() => _kernels.Pileup(slice.Count, slice.Views, slice.Qualities, args, counts.View));
                return;
            }

            using MemoryBuffer1D<byte, Stride1D.Dense> tweaked = _accelerator.Allocate1D<byte>(slice.Qualities.Length);
            tweaked.View.CopyFrom(slice.Qualities);
            using MemoryBuffer1D<int, Stride1D.Dense> pa = _accelerator.Allocate1D(a);
            using MemoryBuffer1D<int, Stride1D.Dense> pb = _accelerator.Allocate1D(b);
            Launch(() => _kernels.OverlapTweak(a.Length, slice.Views, pa.View, pb.View, tweaked.View));
            Launch(() => _kernels.Pileup(slice.Count, slice.Views, tweaked.View, args, counts.View));
        });

        return new PileupCounts(w, counts.GetAsArray1D());
    }

    /// <inheritdoc />
    public CoverageResult Coverage(ReadBatch batch, CoverageRequest request)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.BinSize);
        ReferenceWindow w = request.Window;
        int length = w.Length;
        int chunks = (length + ScanChunk - 1) / ScanChunk;
        int binCount = (length + request.BinSize - 1) / request.BinSize;
        var args = new CoverageArgs(w.ReferenceId, w.Start.ZeroBased, length, request.IncludeDeletions, FilterArgs(request.Filter));
        using MemoryBuffer1D<int, Stride1D.Dense> diff = Zeroed<int>(length + 1L);
        BeginCall();
        ForEachSlice(batch, [], slice =>
        {
            Launch(() => _kernels.CoverageDifference(slice.Count, slice.Views, args, diff.View));
        });

        using MemoryBuffer1D<int, Stride1D.Dense> sums = Zeroed<int>(chunks);
        using MemoryBuffer1D<int, Stride1D.Dense> depth = Zeroed<int>(length);
        using MemoryBuffer1D<ulong, Stride1D.Dense> bins = Zeroed<ulong>(binCount);
        Launch(() => _kernels.ChunkSums(chunks, length, ScanChunk, diff.View, sums.View));
        int[] chunkOffsets = sums.GetAsArray1D();
        int running = 0;
        for (int c = 0; c < chunks; c++)
        {
            int s = chunkOffsets[c];
            chunkOffsets[c] = running;
            running += s;
        }

        using MemoryBuffer1D<int, Stride1D.Dense> offsets = _accelerator.Allocate1D(chunkOffsets);
        Launch(() => _kernels.ChunkScan(chunks, length, ScanChunk, diff.View, offsets.View, depth.View));
        Launch(() => _kernels.BinSums(binCount, length, request.BinSize, depth.View, bins.View));
        return new CoverageResult(w, request.BinSize, depth.View.SubView(0, length).GetAsArray1D(), bins.View.SubView(0, binCount).GetAsArray1D());
    }

    /// <inheritdoc />
    public IReadOnlyList<JunctionCount> Junctions(ReadBatch batch, JunctionRequest request) => JunctionRecords(batch, request).Reduce();

    /// <summary>The raw per-N records, in read order (exposed for parity tests of the emit kernel).</summary>
    public JunctionRecords JunctionRecords(ReadBatch batch, JunctionRequest request)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(request);
        ReadFilterArgs filter = FilterArgs(request.Filter);
        var refs = new List<int>();
        var starts = new List<int>();
        var ends = new List<int>();
        var info = new List<int>();
        BeginCall();
        ForEachSlice(batch, [], slice =>
        {
            using MemoryBuffer1D<int, Stride1D.Dense> perReadBuffer = Zeroed<int>(slice.Count);
            Launch(() => _kernels.JunctionCount(slice.Count, slice.Views, filter, perReadBuffer.View));
            int[] perRead = perReadBuffer.View.SubView(0, slice.Count).GetAsArray1D();
            int[] slots = new int[slice.Count + 1];
            for (int r = 0; r < slice.Count; r++)
            {
                slots[r + 1] = checked(slots[r] + perRead[r]);
            }

            int total = slots[slice.Count];
            if (total == 0)
            {
                return;
            }

            using MemoryBuffer1D<int, Stride1D.Dense> slotBuffer = _accelerator.Allocate1D(slots);
            using MemoryBuffer1D<int, Stride1D.Dense> oRef = Zeroed<int>(total);
            using MemoryBuffer1D<int, Stride1D.Dense> oStart = Zeroed<int>(total);
            using MemoryBuffer1D<int, Stride1D.Dense> oEnd = Zeroed<int>(total);
            using MemoryBuffer1D<int, Stride1D.Dense> oInfo = Zeroed<int>(total);
            var output = new JunctionOutputs(oRef.View, oStart.View, oEnd.View, oInfo.View);
            Launch(() => _kernels.JunctionEmit(slice.Count, slice.Views, filter, request.MinAnchor, slotBuffer.View, output));
            refs.AddRange(oRef.GetAsArray1D());
            starts.AddRange(oStart.GetAsArray1D());
            ends.AddRange(oEnd.GetAsArray1D());
            info.AddRange(oInfo.GetAsArray1D());
        });

        return new JunctionRecords([.. refs], [.. starts], [.. ends], [.. info]);
    }

    /// <inheritdoc />
    public FeatureCountResult FeatureCounts(ReadBatch batch, FeatureIndex features, FeatureCountRequest request)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(request);
        int[] mateOf = request.CountFragments ? FragmentMates.Find(batch) : CpuBackend.NoMates(batch.Count);
        var args = new FeatureArgs((int)request.Strandedness, request.MinMappingQuality, request.CountMultiMapping, request.IgnoreDuplicates);
        using MemoryBuffer1D<int, Stride1D.Dense> first = Upload(features.FirstByReference);
        using MemoryBuffer1D<int, Stride1D.Dense> fStart = Upload(features.Starts);
        using MemoryBuffer1D<int, Stride1D.Dense> fEnd = Upload(features.Ends);
        using MemoryBuffer1D<byte, Stride1D.Dense> fStrand = Upload(features.Strands);
        using MemoryBuffer1D<int, Stride1D.Dense> fGene = Upload(features.Genes);
        var views = new FeatureViews(first.View, features.ReferenceCount, fStart.View, fEnd.View, fStrand.View, fGene.View, features.MaxFeatureLength);
        int[] assignments = new int[batch.Count];
        BeginCall();
        ForEachSlice(batch, ReadSlices.FromMates(mateOf), slice =>
        {
            int[] mates = new int[slice.Count];
            for (int r = 0; r < mates.Length; r++)
            {
                int m = mateOf[slice.Start + r];
                mates[r] = m < 0 ? -1 : m - slice.Start;
            }

            using MemoryBuffer1D<int, Stride1D.Dense> mateBuffer = _accelerator.Allocate1D(mates);
            using MemoryBuffer1D<int, Stride1D.Dense> assigned = Zeroed<int>(slice.Count);
            Launch(() => _kernels.FeatureAssign(slice.Count, slice.Views, mateBuffer.View, views, args, assigned.View));
            assigned.View.SubView(0, slice.Count).CopyToCPU(_accelerator.DefaultStream, assignments.AsSpan(slice.Start, slice.Count));
        });

        return new FeatureCountResult(assignments, features.GeneCount);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _resident?.Dispose();
        _resident = null;
        _accelerator.Dispose();
        _context.Dispose();
    }

    private static ReadFilterArgs FilterArgs(ReadFilter f) =>
        new(f.MinMappingQuality, (int)f.ExcludeFlags, (int)f.RequireFlags, f.SkipAnomalousPairs);

    /// <summary>The pairs whose reads lie in <c>[start, end)</c>, rebased to the slice (the plan never splits one).</summary>
    private static (int[] A, int[] B) PairsIn(OverlapPairs pairs, int start, int end)
    {
        var a = new List<int>();
        var b = new List<int>();
        for (int i = 0; i < pairs.Count; i++)
        {
            if (pairs.First[i] >= start && pairs.First[i] < end)
            {
                a.Add(pairs.First[i] - start);
                b.Add(pairs.Second[i] - start);
            }
        }

        return ([.. a], [.. b]);
    }

    /// <summary>Runs <paramref name="body"/> on each slice of the batch (never cutting a link), freeing slices it does not keep.</summary>
    private void ForEachSlice(ReadBatch batch, IEnumerable<(int A, int B)> links, Action<DeviceReadSlice> body)
    {
        foreach ((int start, int end) in ReadSlices.Plan(batch.Count, MaxReadsPerSlice, links))
        {
            DeviceReadSlice slice = Slice(batch, start, end, out bool owned);
            try
            {
                body(slice);
            }
            finally
            {
                if (owned)
                {
                    slice.Dispose();
                }
            }
        }
    }

    private void BeginCall()
    {
        _kernelClock.Reset();
        LastSliceCount = 0;
    }

    /// <summary>
    /// The device copy of reads <c>[start, end)</c>. A whole batch that fits in one slice is kept resident for the next
    /// call on the same batch (<paramref name="owned"/> false); any other slice belongs to the caller.
    /// </summary>
    private DeviceReadSlice Slice(ReadBatch batch, int start, int end, out bool owned)
    {
        LastSliceCount++;
        bool whole = start == 0 && end == batch.Count;
        if (whole && _resident is not null && ReferenceEquals(_resident.Batch, batch))
        {
            owned = false;
            return _resident;
        }

        var slice = new DeviceReadSlice(_accelerator, batch, start, end);
        if (!whole)
        {
            owned = true;
            return slice;
        }

        _resident?.Dispose();
        _resident = slice;
        owned = false;
        return slice;
    }

    private void Launch(Action kernel)
    {
        _kernelClock.Start();
        try
        {
            kernel();
            _accelerator.Synchronize();
        }
        finally
        {
            _kernelClock.Stop();
        }
    }

    private MemoryBuffer1D<T, Stride1D.Dense> Zeroed<T>(long length)
        where T : unmanaged
    {
        MemoryBuffer1D<T, Stride1D.Dense> buffer = _accelerator.Allocate1D<T>(Math.Max(1, length));
        buffer.MemSetToZero();
        return buffer;
    }

    private MemoryBuffer1D<T, Stride1D.Dense> Upload<T>(T[] data)
        where T : unmanaged =>
        data.Length == 0 ? Zeroed<T>(1) : _accelerator.Allocate1D(data);
}
