using CrbnVariantCaller.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace CrbnVariantCaller.Compute.Ilgpu;

/// <summary>The kernels of <c>kernels/</c>, compiled for one accelerator the first time each is used.</summary>
internal sealed class IlgpuKernelSet(Accelerator accelerator)
{
    private Action<Index1D, ReadViews, ArrayView<int>, ArrayView<int>, ArrayView<byte>>? _overlapTweak;
    private Action<Index1D, ReadViews, ArrayView<byte>, PileupArgs, ArrayView<int>>? _pileup;
    private Action<Index1D, ReadViews, CoverageArgs, ArrayView<int>>? _coverageDiff;
    private Action<Index1D, int, int, ArrayView<int>, ArrayView<int>>? _chunkSums;
    private Action<Index1D, int, int, ArrayView<int>, ArrayView<int>, ArrayView<int>>? _chunkScan;
    private Action<Index1D, int, int, ArrayView<int>, ArrayView<ulong>>? _binSums;
    private Action<Index1D, ReadViews, ReadFilterArgs, ArrayView<int>>? _junctionCount;
    private Action<Index1D, ReadViews, ReadFilterArgs, int, ArrayView<int>, JunctionOutputs>? _junctionEmit;
    private Action<Index1D, ReadViews, ArrayView<int>, FeatureViews, FeatureArgs, ArrayView<int>>? _featureAssign;

    public Action<Index1D, ReadViews, ArrayView<int>, ArrayView<int>, ArrayView<byte>> OverlapTweak =>
        _overlapTweak ??= accelerator.LoadAutoGroupedStreamKernel<Index1D, ReadViews, ArrayView<int>, ArrayView<int>, ArrayView<byte>>(OverlapKernels.Tweak);

    public Action<Index1D, ReadViews, ArrayView<byte>, PileupArgs, ArrayView<int>> Pileup =>
        _pileup ??= accelerator.LoadAutoGroupedStreamKernel<Index1D, ReadViews, ArrayView<byte>, PileupArgs, ArrayView<int>>(PileupKernels.Pileup);

    public Action<Index1D, ReadViews, CoverageArgs, ArrayView<int>> CoverageDifference =>
        _coverageDiff ??= accelerator.LoadAutoGroupedStreamKernel<Index1D, ReadViews, CoverageArgs, ArrayView<int>>(CoverageKernels.Difference);

    public Action<Index1D, int, int, ArrayView<int>, ArrayView<int>> ChunkSums =>
        _chunkSums ??= accelerator.LoadAutoGroupedStreamKernel<Index1D, int, int, ArrayView<int>, ArrayView<int>>(CoverageKernels.ChunkSums);

    public Action<Index1D, int, int, ArrayView<int>, ArrayView<int>, ArrayView<int>> ChunkScan =>
        _chunkScan ??= accelerator.LoadAutoGroupedStreamKernel<Index1D, int, int, ArrayView<int>, ArrayView<int>, ArrayView<int>>(CoverageKernels.ChunkScan);

    public Action<Index1D, int, int, ArrayView<int>, ArrayView<ulong>> BinSums =>
        _binSums ??= accelerator.LoadAutoGroupedStreamKernel<Index1D, int, int, ArrayView<int>, ArrayView<ulong>>(CoverageKernels.BinSums);

    public Action<Index1D, ReadViews, ReadFilterArgs, ArrayView<int>> JunctionCount =>
        _junctionCount ??= accelerator.LoadAutoGroupedStreamKernel<Index1D, ReadViews, ReadFilterArgs, ArrayView<int>>(JunctionKernels.Count);

    public Action<Index1D, ReadViews, ReadFilterArgs, int, ArrayView<int>, JunctionOutputs> JunctionEmit =>
        _junctionEmit ??= accelerator.LoadAutoGroupedStreamKernel<Index1D, ReadViews, ReadFilterArgs, int, ArrayView<int>, JunctionOutputs>(JunctionKernels.Emit);

    public Action<Index1D, ReadViews, ArrayView<int>, FeatureViews, FeatureArgs, ArrayView<int>> FeatureAssign =>
        _featureAssign ??= accelerator.LoadAutoGroupedStreamKernel<Index1D, ReadViews, ArrayView<int>, FeatureViews, FeatureArgs, ArrayView<int>>(FeatureKernels.Assign);
}
