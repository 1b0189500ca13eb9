using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Compute.Cpu;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using Xunit.Abstractions;

namespace CrbnVariantCaller.Compute.Tests.Parity;

/// <summary>The CPU backend split over workers must equal a single worker (determinism of the merge).</summary>
public sealed class ParallelCpuParityTests(ITestOutputHelper output) : KernelParityChecks(output)
{
    protected override IComputeBackend CreateBackend() => new CpuBackend(maxParallelism: 1);

    [Fact] public void Pileup() => CheckPileupOnRandomReads();
    [Fact] public void Coverage() => CheckCoverageOnRandomReads();
    [Fact] public void Junctions() => CheckJunctionsOnRandomReads();
    [Fact] public void FeatureCounts() => CheckFeatureCountsOnRandomReads();
}

/// <summary>The ILGPU kernels on ILGPU's CPU accelerator versus the managed reference (runs everywhere, CI included).</summary>
public sealed class IlgpuCpuParityTests(ITestOutputHelper output) : KernelParityChecks(output)
{
    protected override IComputeBackend CreateBackend() => Ilgpu(DeviceRequest.IlgpuCpu);

    [Fact] public void Pileup() => CheckPileupOnRandomReads();
    [Fact] public void Coverage() => CheckCoverageOnRandomReads();
    [Fact] public void Junctions() => CheckJunctionsOnRandomReads();
    [Fact] public void JunctionRecords() => CheckJunctionRecordsOnRandomReads();
    [Fact] public void FeatureCounts() => CheckFeatureCountsOnRandomReads();
    [Fact] public void EmptyBatch() => CheckEmptyBatch();

    internal static IComputeBackend Ilgpu(DeviceRequest device, int sliceReads = ComputeOptions.DefaultDeviceSliceReads) =>
        new BackendSelector(NullLoggerFactory.Instance).Select(new ComputeOptions { Device = device, DeviceSliceReads = sliceReads }).Primary;
}

/// <summary>
/// The same kernels with the device bound at 97 reads, so every batch goes through many slices: counts accumulated
/// across slices, overlapping mates and fragment mates never split, junction records concatenated in read order.
/// </summary>
public sealed class IlgpuCpuSlicedParityTests(ITestOutputHelper output) : KernelParityChecks(output)
{
    protected override IComputeBackend CreateBackend() => IlgpuCpuParityTests.Ilgpu(DeviceRequest.IlgpuCpu, sliceReads: 97);

    [Fact] public void Pileup() => CheckPileupOnRandomReads();
    [Fact] public void Coverage() => CheckCoverageOnRandomReads();
    [Fact] public void JunctionRecords() => CheckJunctionRecordsOnRandomReads();
    [Fact] public void FeatureCounts() => CheckFeatureCountsOnRandomReads();
}

/// <summary>The ILGPU kernels on CUDA versus the managed reference; skipped loudly without an NVIDIA driver and GPU.</summary>
public sealed class CudaParityTests(ITestOutputHelper output) : KernelParityChecks(output)
{
    protected override IComputeBackend CreateBackend() => IlgpuCpuParityTests.Ilgpu(DeviceRequest.Cuda);

    [BackendFact(BackendKind.Cuda)] public void Pileup() => CheckPileupOnRandomReads();
    [BackendFact(BackendKind.Cuda)] public void Coverage() => CheckCoverageOnRandomReads();
    [BackendFact(BackendKind.Cuda)] public void Junctions() => CheckJunctionsOnRandomReads();
    [BackendFact(BackendKind.Cuda)] public void JunctionRecords() => CheckJunctionRecordsOnRandomReads();
    [BackendFact(BackendKind.Cuda)] public void FeatureCounts() => CheckFeatureCountsOnRandomReads();
    [BackendFact(BackendKind.Cuda)] public void EmptyBatch() => CheckEmptyBatch();

    [BackendFact(BackendKind.Cuda, RequiresCorpus = true)]
    public void PairedRnaSeq() => CheckRealFile(RealFiles.PairedRna, RealFiles.PairedRnaRegion);

    [BackendFact(BackendKind.Cuda, RequiresCorpus = true)]
    public void TargetedPanel() => CheckRealFile(RealFiles.Panel, RealFiles.PanelRegion);
}

/// <summary>The ILGPU kernels on an OpenCL 2.0+ GPU versus the managed reference; skipped loudly without one.</summary>
public sealed class OpenClParityTests(ITestOutputHelper output) : KernelParityChecks(output)
{
    protected override IComputeBackend CreateBackend() => IlgpuCpuParityTests.Ilgpu(DeviceRequest.OpenCl);

    [BackendFact(BackendKind.OpenCl)] public void Pileup() => CheckPileupOnRandomReads();
    [BackendFact(BackendKind.OpenCl)] public void Coverage() => CheckCoverageOnRandomReads();
    [BackendFact(BackendKind.OpenCl)] public void Junctions() => CheckJunctionsOnRandomReads();
    [BackendFact(BackendKind.OpenCl)] public void FeatureCounts() => CheckFeatureCountsOnRandomReads();
    [BackendFact(BackendKind.OpenCl)] public void EmptyBatch() => CheckEmptyBatch();
}

/// <summary>ILGPU's CPU accelerator versus the managed reference on real corpus files.</summary>
public sealed class IlgpuCpuRealFileParityTests(ITestOutputHelper output) : KernelParityChecks(output)
{
    protected override IComputeBackend CreateBackend() => IlgpuCpuParityTests.Ilgpu(DeviceRequest.IlgpuCpu, sliceReads: 4096);

    [BackendFact(BackendKind.IlgpuCpu, RequiresCorpus = true)]
    public void PairedRnaSeq() => CheckRealFile(RealFiles.PairedRna, RealFiles.PairedRnaRegion);

    [BackendFact(BackendKind.IlgpuCpu, RequiresCorpus = true)]
    public void TargetedPanel() => CheckRealFile(RealFiles.Panel, RealFiles.PanelRegion);
}

/// <summary>The corpus files the real-file parity runs use.</summary>
internal static class RealFiles
{
    public const string PairedRna = "real_rna_spliced/DegNorm_SRR873822.hg19.chr21_9.9-10.0Mb.bam";
    public const string PairedRnaRegion = "chr21:9900000-10000000";
    public const string Panel = "real_dna/covtobed_panel_01.hg19.bam";
    public const string PanelRegion = "chr17:41196000-41278000";
}
