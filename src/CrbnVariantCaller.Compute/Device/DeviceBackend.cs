using CrbnVariantCaller.Compute.Host;
using System.Diagnostics;
using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Counts;

namespace CrbnVariantCaller.Compute.Device;

/// <summary>
/// Runs the kernels of <c>kernels/crbn_kernels.cl</c> on an <see cref="IKernelDevice"/> (OpenCL or CUDA): uploads a
/// batch once (kept while the same batch is used), launches, downloads. The host-side steps that are not kernels
/// (mate pairing, the small chunk-offset scan, junction reduction, tallies) are the same code the CPU backend uses.
/// </summary>
internal sealed class DeviceBackend : IComputeBackend
{
    private const int ScanChunk = 1024;
    private readonly IKernelDevice _device;
    private readonly Stopwatch _kernelClock = new();
    private UploadedBatch? _uploaded;

    public DeviceBackend(IKernelDevice device)
    {
        _device = device;
    }

    /// <inheritdoc />
    public BackendKind Kind => _device.Kind;

    /// <inheritdoc />
    public string DeviceName => _device.Name;

    /// <summary>Time spent in kernel launches (excluding transfers) by the last call.</summary>
    public TimeSpan LastKernelTime => _kernelClock.Elapsed;

    /// <inheritdoc />
    public PileupCounts Pileup(ReadBatch batch, PileupRequest request)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(request);
        _kernelClock.Reset();
        UploadedBatch b = Upload(batch);
        ReferenceWindow w = request.Window;
        ReadFilter f = request.Filter;
        using DeviceBuffer counts = _device.AllocateZeroed((long)w.Length * PileupCounts.ChannelsPerPosition * sizeof(int));
        DeviceBuffer quals = b.Quals;
        DeviceBuffer? tweaked = null;
        try
        {
            if (request.HandleOverlappingMates)
            {
                OverlapPairs pairs = OverlapPairs.Find(batch, w.ReferenceId, f);
                if (pairs.Count > 0)
                {
                    tweaked = _device.AllocateZeroed(b.Quals.Bytes);
                    _device.Copy(b.Quals, tweaked, b.Quals.Bytes);
                    using DeviceBuffer pa = _device.Upload<int>(pairs.First);
                    using DeviceBuffer pb = _device.Upload<int>(pairs.Second);
                    Launch("overlap_tweak", pairs.Count,
                        pairs.Count, pa, pb, b.Starts, b.CigOff, b.Cigars, b.SeqOff, b.Seqs, b.QualOff, b.SeqLens, tweaked);
                    quals = tweaked;
                }
            }

            Launch("pileup", batch.Count,
                batch.Count, b.RefIds, b.Starts, b.Flags, b.Mapqs, b.CigOff, b.Cigars, b.SeqOff, b.Seqs, b.QualOff, quals, b.SeqLens,
                w.ReferenceId, w.Start.ZeroBased, w.Length,
                f.MinMappingQuality, request.MinBaseQuality, (int)f.ExcludeFlags, (int)f.RequireFlags, f.SkipAnomalousPairs,
                counts);
        }
        finally
        {
            tweaked?.Dispose();
        }

        int[] result = new int[w.Length * PileupCounts.ChannelsPerPosition];
        _device.Download<int>(counts, result);
        return new PileupCounts(w, result);
    }

    /// <inheritdoc />
    public CoverageResult Coverage(ReadBatch batch, CoverageRequest request)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.BinSize);
        _kernelClock.Reset();
        UploadedBatch b = Upload(batch);
        ReferenceWindow w = request.Window;
        ReadFilter f = request.Filter;
        int length = w.Length;
        int chunks = (length + ScanChunk - 1) / ScanChunk;
        int binCount = (length + request.BinSize - 1) / request.BinSize;
        using DeviceBuffer diff = _device.AllocateZeroed((length + 1L) * sizeof(int));
        using DeviceBuffer sums = _device.AllocateZeroed((long)chunks * sizeof(int));
        using DeviceBuffer depth = _device.AllocateZeroed((long)length * sizeof(int));
        using DeviceBuffer bins = _device.AllocateZeroed((long)binCount * sizeof(ulong));
        Launch("coverage_diff", batch.Count,
            batch.Count, b.RefIds, b.Starts, b.Flags, b.Mapqs, b.CigOff, b.Cigars,
            w.ReferenceId, w.Start.ZeroBased, length,
            f.MinMappingQuality, (int)f.ExcludeFlags, (int)f.RequireFlags, f.SkipAnomalousPairs, request.IncludeDeletions,
            diff);
        Launch("chunk_sums", chunks, length, ScanChunk, diff, sums);
        int[] chunkSums = new int[chunks];
        _device.Download<int>(sums, chunkSums);
        int running = 0;
        for (int c = 0; c < chunks; c++)
        {
            int s = chunkSums[c];
            chunkSums[c] = running;
            running += s;
        }

        using DeviceBuffer offsets = _device.Upload<int>(chunkSums);
        Launch("chunk_scan", chunks, length, ScanChunk, diff, offsets, depth);
        Launch("bin_sums", binCount, length, request.BinSize, depth, bins);
        int[] depthHost = new int[length];
        ulong[] binHost = new ulong[binCount];
        _device.Download<int>(depth, depthHost);
        _device.Download<ulong>(bins, binHost);
        return new CoverageResult(w, request.BinSize, depthHost, binHost);
    }

    /// <inheritdoc />
    public IReadOnlyList<JunctionCount> Junctions(ReadBatch batch, JunctionRequest request) => JunctionRecords(batch, request).Reduce();

    /// <summary>The raw per-N records (exposed for parity tests of the emit kernel).</summary>
    public JunctionRecords JunctionRecords(ReadBatch batch, JunctionRequest request)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(request);
        _kernelClock.Reset();
        UploadedBatch b = Upload(batch);
        ReadFilter f = request.Filter;
        int[] perRead = new int[batch.Count];
        using (DeviceBuffer counts = _device.AllocateZeroed((long)batch.Count * sizeof(int)))
        {
            Launch("junction_count", batch.Count,
                batch.Count, b.RefIds, b.Flags, b.Mapqs, b.CigOff, b.Cigars,
                f.MinMappingQuality, (int)f.ExcludeFlags, (int)f.RequireFlags, f.SkipAnomalousPairs, counts);
            _device.Download<int>(counts, perRead);
        }

        int[] offsets = new int[batch.Count + 1];
        for (int r = 0; r < batch.Count; r++)
        {
            offsets[r + 1] = checked(offsets[r] + perRead[r]);
        }

        int total = offsets[batch.Count];
        int[] refs = new int[total], starts = new int[total], ends = new int[total], info = new int[total];
        if (total > 0)
        {
            using DeviceBuffer off = _device.Upload<int>(offsets);
            using DeviceBuffer oRef = _device.AllocateZeroed((long)total * sizeof(int));
            using DeviceBuffer oStart = _device.AllocateZeroed((long)total * sizeof(int));
            using DeviceBuffer oEnd = _device.AllocateZeroed((long)total * sizeof(int));
            using DeviceBuffer oInfo = _device.AllocateZeroed((long)total * sizeof(int));
            Launch("junction_emit", batch.Count,
                batch.Count, b.RefIds, b.Starts, b.Flags, b.Mapqs, b.CigOff, b.Cigars, b.Xs,
                f.MinMappingQuality, (int)f.ExcludeFlags, (int)f.RequireFlags, f.SkipAnomalousPairs, request.MinAnchor,
                off, oRef, oStart, oEnd, oInfo);
            _device.Download<int>(oRef, refs);
            _device.Download<int>(oStart, starts);
            _device.Download<int>(oEnd, ends);
            _device.Download<int>(oInfo, info);
        }

        return new JunctionRecords(refs, starts, ends, info);
    }

    /// <inheritdoc />
    public FeatureCountResult FeatureCounts(ReadBatch batch, FeatureIndex features, FeatureCountRequest request)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(request);
        _kernelClock.Reset();
        UploadedBatch b = Upload(batch);
        int[] mateOf = request.CountFragments ? FragmentMates.Find(batch) : Cpu.CpuBackend.NoMates(batch.Count);
        using DeviceBuffer mates = _device.Upload<int>(mateOf);
        using DeviceBuffer first = _device.Upload<int>(features.FirstByReference);
        using DeviceBuffer fStart = _device.Upload<int>(features.Starts);
        using DeviceBuffer fEnd = _device.Upload<int>(features.Ends);
        using DeviceBuffer fStrand = _device.Upload<byte>(features.Strands);
        using DeviceBuffer fGene = _device.Upload<int>(features.Genes);
        using DeviceBuffer assignment = _device.AllocateZeroed((long)batch.Count * sizeof(int));
        Launch("feature_assign", batch.Count,
            batch.Count, b.RefIds, b.Starts, b.Flags, b.Mapqs, b.Nh, b.CigOff, b.Cigars, mates,
            first, features.ReferenceCount, fStart, fEnd, fStrand, fGene, features.MaxFeatureLength,
            (int)request.Strandedness, request.MinMappingQuality, request.CountMultiMapping, request.IgnoreDuplicates,
            assignment);
        int[] result = new int[batch.Count];
        _device.Download<int>(assignment, result);
        return new FeatureCountResult(result, features.GeneCount);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _uploaded?.Dispose();
        _uploaded = null;
        _device.Dispose();
    }

    private void Launch(string kernel, int workItems, params ReadOnlySpan<KernelArg> args)
    {
        _kernelClock.Start();
        try
        {
            _device.Launch(kernel, workItems, args);
        }
        finally
        {
            _kernelClock.Stop();
        }
    }

    private UploadedBatch Upload(ReadBatch batch)
    {
        if (_uploaded is not null && ReferenceEquals(_uploaded.Batch, batch))
        {
            return _uploaded;
        }

        _uploaded?.Dispose();
        _uploaded = null;
        _uploaded = new UploadedBatch(_device, batch);
        return _uploaded;
    }

    /// <summary>The device copies of one batch's arrays.</summary>
    private sealed class UploadedBatch : IDisposable
    {
        private readonly List<DeviceBuffer> _all = [];

        public UploadedBatch(IKernelDevice device, ReadBatch batch)
        {
            Batch = batch;
            try
            {
                RefIds = Add(device.Upload<int>(batch.ReferenceIdArray));
                Starts = Add(device.Upload<int>(batch.StartArray));
                Flags = Add(device.Upload<ushort>(batch.FlagArray));
                Mapqs = Add(device.Upload<byte>(batch.MapqArray));
                Nh = Add(device.Upload<int>(batch.NumberOfHitsArray));
                Xs = Add(device.Upload<byte>(batch.SpliceStrandArray));
                SeqLens = Add(device.Upload<int>(batch.SequenceLengthArray));
                CigOff = Add(device.Upload<int>(batch.CigarOffsetArray));
                Cigars = Add(device.Upload<uint>(batch.CigarArray));
                SeqOff = Add(device.Upload<int>(batch.SequenceOffsetArray));
                Seqs = Add(device.Upload<byte>(batch.PackedBaseArray));
                QualOff = Add(device.Upload<int>(batch.QualityOffsetArray));
                Quals = Add(device.Upload<byte>(batch.QualityArray));
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public ReadBatch Batch { get; }

        public DeviceBuffer RefIds { get; } = null!;
        public DeviceBuffer Starts { get; } = null!;
        public DeviceBuffer Flags { get; } = null!;
        public DeviceBuffer Mapqs { get; } = null!;
        public DeviceBuffer Nh { get; } = null!;
        public DeviceBuffer Xs { get; } = null!;
        public DeviceBuffer SeqLens { get; } = null!;
        public DeviceBuffer CigOff { get; } = null!;
        public DeviceBuffer Cigars { get; } = null!;
        public DeviceBuffer SeqOff { get; } = null!;
        public DeviceBuffer Seqs { get; } = null!;
        public DeviceBuffer QualOff { get; } = null!;
        public DeviceBuffer Quals { get; } = null!;

        public void Dispose()
        {
            foreach (DeviceBuffer b in _all)
            {
                b.Dispose();
            }

            _all.Clear();
        }

        private DeviceBuffer Add(DeviceBuffer buffer)
        {
            _all.Add(buffer);
            return buffer;
        }
    }
}
