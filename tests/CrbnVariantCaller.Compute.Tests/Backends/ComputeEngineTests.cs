using CrbnVariantCaller.Compute.Backends;
using CrbnVariantCaller.Counts.Batches;
using CrbnVariantCaller.Compute.Cpu;
using CrbnVariantCaller.Counts;
using CrbnVariantCaller.Compute.Tests.Parity;
using CrbnVariantCaller.Core.Coordinates;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CrbnVariantCaller.Compute.Tests.Backends;

public sealed class ComputeEngineTests
{
    /// <summary>A device whose kernels fail like a lost GPU would.</summary>
    private sealed class FailingBackend : IComputeBackend
    {
        public BackendKind Kind => BackendKind.Cuda;
        public string DeviceName => "broken test device";
        public PileupCounts Pileup(ReadBatch batch, PileupRequest request) => throw new InvalidOperationException("CUDA_ERROR_OUT_OF_MEMORY: out of device memory");
        public CoverageResult Coverage(ReadBatch batch, CoverageRequest request) => throw new InvalidOperationException("CUDA_ERROR_LAUNCH_FAILED");
        public IReadOnlyList<JunctionCount> Junctions(ReadBatch batch, JunctionRequest request) => throw new ArgumentOutOfRangeException("extent", "grid larger than the device allows");
        public FeatureCountResult FeatureCounts(ReadBatch batch, FeatureIndex features, FeatureCountRequest request) => throw new InvalidOperationException("lost");
        public void Dispose() { }
    }

    [Fact]
    public void A_failing_kernel_is_rerun_on_the_cpu_and_recorded()
    {
        ReadBatch batch = RandomReads.Generate(42, 200);
        var window = new ReferenceWindow(0, new Position(1), new Position(RandomReads.ReferenceLength));
        using var engine = new ComputeEngine(new FailingBackend(), new CpuBackend(), NullLogger<ComputeEngine>.Instance);

        ComputeResult<PileupCounts> pileup = engine.Pileup(batch, new PileupRequest { Window = window });
        Assert.Equal(BackendKind.Cpu, pileup.Backend);
        Assert.NotNull(pileup.Fallback);
        Assert.Contains("CUDA_ERROR_OUT_OF_MEMORY", pileup.Fallback!.Reason, StringComparison.Ordinal);
        Assert.Equal(new CpuBackend().Pileup(batch, new PileupRequest { Window = window }).Raw, pileup.Value.Raw);

        ComputeResult<CoverageResult> coverage = engine.Coverage(batch, new CoverageRequest { Window = window });
        Assert.Equal(BackendKind.Cpu, coverage.Backend);
        Assert.Contains("disabled after pileup failed", coverage.Fallback!.Reason, StringComparison.Ordinal);
        Assert.Equal(2, engine.FallbackEvents.Count);
    }

    [Fact]
    public void An_argument_error_inside_the_device_falls_back_but_a_bad_request_is_the_callers_error()
    {
        ReadBatch batch = RandomReads.Generate(43, 100);
        using var engine = new ComputeEngine(new FailingBackend(), new CpuBackend(), NullLogger<ComputeEngine>.Instance);
        ComputeResult<IReadOnlyList<JunctionCount>> junctions = engine.Junctions(batch, new JunctionRequest());
        Assert.Equal(BackendKind.Cpu, junctions.Backend);
        Assert.Contains("grid larger than the device allows", junctions.Fallback!.Reason, StringComparison.Ordinal);
        Assert.Equal(new CpuBackend().Junctions(batch, new JunctionRequest()), junctions.Value);

        var window = new ReferenceWindow(0, new Position(1), new Position(100));
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.Coverage(batch, new CoverageRequest { Window = window, BinSize = 0 }));
        Assert.Single(engine.FallbackEvents);
    }

    [Fact]
    public void Cpu_selection_reports_no_fallback()
    {
        using ComputeEngine engine = new BackendSelector(NullLoggerFactory.Instance).Select(new ComputeOptions { Device = DeviceRequest.Cpu });
        ComputeResult<IReadOnlyList<JunctionCount>> r = engine.Junctions(RandomReads.Generate(7, 100), new JunctionRequest());
        Assert.Equal(BackendKind.Cpu, r.Backend);
        Assert.Null(r.Fallback);
    }

    [Fact]
    public void Auto_never_picks_the_ilgpu_cpu_accelerator_and_the_report_explains_every_backend()
    {
        var selector = new BackendSelector(NullLoggerFactory.Instance);
        DeviceReport report = selector.ListDevices();
        Assert.Contains(report.Entries, e => e.Kind == BackendKind.Cpu && e.Usable);
        Assert.All(report.Entries.Where(e => !e.Usable), e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
        using ComputeEngine engine = selector.Select(new ComputeOptions());
        if (!report.Entries.Any(e => e.IsGpu && e.Usable))
        {
            Assert.Equal(BackendKind.Cpu, engine.Primary.Kind);
            Assert.Equal(BackendKind.Cpu, report.AutoChoice);
        }

        Assert.Contains(report.Entries, e => e.Kind == BackendKind.IlgpuCpu && e.Usable);
        Assert.NotEqual(BackendKind.IlgpuCpu, report.AutoChoice);
        Assert.NotEqual(BackendKind.IlgpuCpu, engine.Primary.Kind);
        Assert.Contains("auto selects", report.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_ilgpu_cpu_request_runs_the_kernels_on_the_cpu_accelerator()
    {
        using ComputeEngine engine = new BackendSelector(NullLoggerFactory.Instance).Select(new ComputeOptions { Device = DeviceRequest.IlgpuCpu });
        ReadBatch batch = RandomReads.Generate(11, 50);
        var window = new ReferenceWindow(0, new Position(1), new Position(RandomReads.ReferenceLength));
        ComputeResult<CoverageResult> coverage = engine.Coverage(batch, new CoverageRequest { Window = window });
        Assert.Equal(BackendKind.IlgpuCpu, coverage.Backend);
        Assert.Equal("cpu", coverage.Backend.ReportName());
        Assert.Null(coverage.Fallback);
        Assert.Equal(new CpuBackend().Coverage(batch, new CoverageRequest { Window = window }).Depth, coverage.Value.Depth);
    }

    [Fact]
    public void An_unusable_explicit_gpu_says_why_in_one_line()
    {
        var selector = new BackendSelector(NullLoggerFactory.Instance);
        foreach (DeviceRequest device in new[] { DeviceRequest.Cuda, DeviceRequest.OpenCl })
        {
            BackendKind kind = device == DeviceRequest.Cuda ? BackendKind.Cuda : BackendKind.OpenCl;
            if (selector.ListDevices().Entries.Any(e => e.Kind == kind && e.Usable && (e.IsGpu || kind == BackendKind.Cuda)))
            {
                continue;
            }

            ComputeUnavailableException e = Assert.Throws<ComputeUnavailableException>(() => selector.Select(new ComputeOptions { Device = device }));
            Assert.DoesNotContain('\n', e.Message);
            Assert.Contains(kind == BackendKind.Cuda ? "libcuda" : "OpenCL", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unknown_device_names_are_rejected()
    {
        Assert.Equal(DeviceRequest.OpenCl, ComputeOptions.ParseDevice("OpenCL"));
        Assert.Equal(DeviceRequest.IlgpuCpu, ComputeOptions.ParseDevice("ilgpu-cpu"));
        Assert.Throws<ArgumentException>(() => ComputeOptions.ParseDevice("gpu"));
    }

    [Fact]
    public void Htslib_quality_scaling_equals_integer_four_fifths()
    {
        for (int q = 0; q < 256; q++)
        {
            Assert.Equal((int)(0.8 * q), q * 4 / 5);
        }
    }
}
