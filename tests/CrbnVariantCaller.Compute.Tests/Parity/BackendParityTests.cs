using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Compute.Cpu;
using CrbnVariantCaller.TestSupport;
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

/// <summary>OpenCL (PoCL in CI, or a GPU ICD) versus the CPU reference.</summary>
public sealed class OpenClParityTests(ITestOutputHelper output) : KernelParityChecks(output)
{
    protected override IComputeBackend CreateBackend() =>
        new BackendSelector(NullLoggerFactory.Instance).Select(new ComputeOptions { Device = DeviceRequest.OpenCl }).Primary;

    [BackendFact(BackendKind.OpenCl)] public void Pileup() => CheckPileupOnRandomReads();
    [BackendFact(BackendKind.OpenCl)] public void Coverage() => CheckCoverageOnRandomReads();
    [BackendFact(BackendKind.OpenCl)] public void Junctions() => CheckJunctionsOnRandomReads();
    [BackendFact(BackendKind.OpenCl)] public void FeatureCounts() => CheckFeatureCountsOnRandomReads();
    [BackendFact(BackendKind.OpenCl)] public void EmptyBatch() => CheckEmptyBatch();
}

/// <summary>CUDA (PTX from the same .cl) versus the CPU reference; skipped loudly without a driver, a GPU or the PTX.</summary>
public sealed class CudaParityTests(ITestOutputHelper output) : KernelParityChecks(output)
{
    protected override IComputeBackend CreateBackend() =>
        new BackendSelector(NullLoggerFactory.Instance).Select(new ComputeOptions { Device = DeviceRequest.Cuda }).Primary;

    [BackendFact(BackendKind.Cuda)] public void Pileup() => CheckPileupOnRandomReads();
    [BackendFact(BackendKind.Cuda)] public void Coverage() => CheckCoverageOnRandomReads();
    [BackendFact(BackendKind.Cuda)] public void Junctions() => CheckJunctionsOnRandomReads();
    [BackendFact(BackendKind.Cuda)] public void FeatureCounts() => CheckFeatureCountsOnRandomReads();
    [BackendFact(BackendKind.Cuda)] public void EmptyBatch() => CheckEmptyBatch();
}

/// <summary>OpenCL versus CPU on real corpus files.</summary>
public sealed class OpenClRealFileParityTests(ITestOutputHelper output) : KernelParityChecks(output)
{
    protected override IComputeBackend CreateBackend() =>
        new BackendSelector(NullLoggerFactory.Instance).Select(new ComputeOptions { Device = DeviceRequest.OpenCl }).Primary;

    [BackendFact(BackendKind.OpenCl, RequiresCorpus = true)]
    public void PairedRnaSeq() => CheckRealFile("real_rna_spliced/DegNorm_SRR873822.hg19.chr21_9.9-10.0Mb.bam", "chr21:9900000-10000000");

    [BackendFact(BackendKind.OpenCl, RequiresCorpus = true)]
    public void TargetedPanel() => CheckRealFile("real_dna/covtobed_panel_01.hg19.bam", "chr17:41196000-41278000");
}
