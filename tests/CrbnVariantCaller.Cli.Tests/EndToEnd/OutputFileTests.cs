using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.EndToEnd;

/// <summary>What lands in <c>--out</c>: the plain-VCF variant of the file set, and sample names that are not file names.</summary>
public sealed class OutputFileTests
{
    [ToolFact("bcftools")]
    public void PlainVcfOptionWritesAnUncompressedVcfThatPassesBcftools()
    {
        using CrbnRun run = CrbnRun.Call("--dna", CrbnRun.TestData("dna/deep_panel/DEEP_NORMAL.bam"), "--plain-vcf");
        Assert.Equal(
            new[] { "DEEP_NORMAL.report.html", "DEEP_NORMAL.report.json", "DEEP_NORMAL.vcf" },
            run.FilesWritten().Select(Path.GetFileName).Order(StringComparer.Ordinal));
        string vcf = run.Output(".vcf");
        Assert.StartsWith("##fileformat=VCFv4.3", File.ReadLines(vcf).First(), StringComparison.Ordinal);
        VcfChecks.AssertPassesBcftools(vcf);
    }

    /// <summary>
    /// A sample ID with a path inside cannot write outside <c>--out</c>: a traversal is refused before anything runs
    /// (exit 2, one line; the policy is Core/Samples/SampleIdRules), a slash inside a name becomes <c>_</c> in the file name.
    /// </summary>
    [Fact]
    public void SampleNameWithPathSeparatorsStaysInsideTheOutputFolder()
    {
        using (CrbnRun refused = CrbnRun.Call("--dna", CrbnRun.TestData("dna/wgs_negative/WGS_NEG.bam"), "--sample", "../../evil"))
        {
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("path traversal", refused.ErrorLine, StringComparison.Ordinal);
            Assert.Empty(refused.FilesWritten());
        }

        using CrbnRun run = CrbnRun.Call("--dna", CrbnRun.TestData("dna/wgs_negative/WGS_NEG.bam"), "--sample", "tumour/relapse");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4, run.FilesWritten().Count);
        Assert.All(run.FilesWritten(), f => Assert.Equal(run.OutDir, Path.GetDirectoryName(f)));
        Assert.Equal("tumour/relapse", run.Report.GetProperty("sample").GetString());
        Assert.Single(Directory.GetFileSystemEntries(Directory.GetParent(run.OutDir)!.FullName));
    }

    /// <summary>
    /// An empty <c>--sample</c> is bad usage (exit 2, naming the option), refused before any analysis. Today it runs the
    /// whole analysis and then fails in OutputNames.ForSample with an ArgumentException that CommandGuard reports as a
    /// runtime failure (exit 1).
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void BlankSampleNameIsBadUsage(string sample)
    {
        using CrbnRun run = CrbnRun.Call("--dna", CrbnRun.TestData("dna/wgs_negative/WGS_NEG.bam"), "--sample", sample);
        Assert.True(run.ExitCode == 2, $"expected exit 2, got {run.ExitCode}: {run.ErrorLine}");
        Assert.Contains("--sample", run.ErrorLine, StringComparison.Ordinal);
        Assert.Empty(run.FilesWritten());
    }
}
