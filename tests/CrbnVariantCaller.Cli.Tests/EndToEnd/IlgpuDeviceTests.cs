using Xunit;

namespace CrbnVariantCaller.Cli.Tests.EndToEnd;

/// <summary>
/// The ILGPU kernels end to end: <c>crbn call --device ilgpu-cpu</c> runs every kernel on ILGPU's CPU accelerator (the
/// same kernels CUDA and OpenCL run) and must give the managed path's report, on the deep panel with its normal and
/// the Δexon10 RNA sample, in small chunks so that the device also sees many slices.
/// </summary>
public sealed class IlgpuDeviceTests
{
    [Fact]
    public void The_ilgpu_cpu_accelerator_gives_the_managed_report_and_says_so_in_the_tool_section()
    {
        string[] inputs =
        [
            "--dna", CrbnRun.TestData("dna/deep_panel/DEEP_TUMOR.bam"),
            "--normal", CrbnRun.TestData("dna/deep_panel/DEEP_NORMAL.bam"),
            "--rna", CrbnRun.TestData("rna/exon10_psi/RNA_PSI020.bam"),
            "--chunk-reads", "30000",
        ];
        using CrbnRun cpu = CrbnRun.Call([.. inputs, "--device", "cpu"]);
        using CrbnRun ilgpu = CrbnRun.Call([.. inputs, "--device", "ilgpu-cpu"]);
        Assert.Equal(0, cpu.ExitCode);
        Assert.Equal(0, ilgpu.ExitCode);
        Assert.Equal(ReportComparison.Comparable(cpu.Report), ReportComparison.Comparable(ilgpu.Report));

        var tool = ilgpu.Report.GetProperty("tool");
        Assert.Equal("cpu", tool.GetProperty("backend").GetString());
        Assert.Contains("ILGPU CPU accelerator", tool.GetProperty("device").GetString(), StringComparison.Ordinal);
        Assert.Empty(tool.GetProperty("fallbacks").EnumerateArray());
    }

    /// <summary>Without an OpenCL 2.0+ GPU, <c>--device opencl</c> is exit 2 in one line; with one, the report records it.</summary>
    [Fact]
    public void An_unusable_explicit_gpu_is_bad_usage_in_one_line_before_any_output()
    {
        using CrbnRun run = CrbnRun.Call("--dna", CrbnRun.TestData("dna/wgs_negative/WGS_NEG.bam"), "--device", "opencl");
        if (run.ExitCode == 0)
        {
            Assert.Equal("opencl", run.Report.GetProperty("tool").GetProperty("backend").GetString());
            return;
        }

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("crbn call: opencl backend unavailable: ", run.ErrorLine, StringComparison.Ordinal);
        Assert.Empty(run.FilesWritten());
    }
}
