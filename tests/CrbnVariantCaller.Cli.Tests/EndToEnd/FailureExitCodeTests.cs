using System.Text;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.EndToEnd;

/// <summary>
/// Bad usage and bad input end with exit code 2 and one <c>crbn call: ...</c> line naming the culprit; a runtime
/// failure (an unavailable device) with a non-zero code naming it. In every case the (pre-created) <c>--out</c>
/// folder is left without any file, temporary names included: no half-written report.
/// </summary>
public sealed class FailureExitCodeTests : IDisposable
{
    private readonly string _inputs = Directory.CreateTempSubdirectory("crbn-e2e-bad-").FullName;

    public void Dispose() => Directory.Delete(_inputs, recursive: true);

    [Fact]
    public void MissingReferenceIsBadUsage()
    {
        using CrbnRun run = CrbnRun.Start("call", ["--dna", CrbnRun.TestData("dna/wgs_negative/WGS_NEG.bam")], addReference: false);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--reference", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.FilesWritten());
    }

    [Fact]
    public void NonexistentBamIsBadInputNamingIt()
    {
        string bam = Path.Combine(_inputs, "no-such-tumour.bam");
        AssertBadInput(bam, "not found", "--dna", bam);
    }

    [Fact]
    public void NonexistentNormalIsBadInputNamingIt()
    {
        string bam = Path.Combine(_inputs, "no-such-normal.bam");
        AssertBadInput(bam, "not found", "--dna", CrbnRun.TestData("dna/deep_panel/DEEP_TUMOR.bam"), "--normal", bam);
    }

    [ToolFact("samtools")]
    public void ReferenceWithAnotherChr3LengthIsBadInputNamingTheReference()
    {
        string fasta = Path.Combine(_inputs, "short_chr3.fa");
        var text = new StringBuilder(">chr3\n");
        var random = new Random(7);
        for (int line = 0; line < 100; line++)
        {
            text.Append(string.Concat(Enumerable.Range(0, 60).Select(_ => "ACGT"[random.Next(4)]))).Append('\n');
        }

        File.WriteAllText(fasta, text.ToString());
        ExternalTool.Run("samtools", "faidx", fasta);
        AssertBadInput(fasta, "does not match", "--dna", CrbnRun.TestData("dna/wgs_negative/WGS_NEG.bam"), "--reference", fasta);
    }

    [CorpusFact]
    public void CorpusHg19ReferenceIsBadInputNamingTheReference()
    {
        string fasta = Path.Combine(RepoPaths.Corpus, "real_dna", "cnvkit_chrM-Y-trunc.hg19.fa");
        AssertBadInput(fasta, "does not match", "--rna", CrbnRun.TestData("rna/exon10_psi/RNA_PSI020.bam"), "--reference", fasta);
    }

    [Fact]
    public void RnaBamWithoutIndexIsBadInputNamingIt()
    {
        string bam = CopyWithoutIndex("rna/exon10_psi/RNA_PSI020.bam");
        AssertBadInput(bam, "index", "--rna", bam);
    }

    /// <summary>The DNA analysis succeeds first; the RNA failure must still leave no DNA-only report behind.</summary>
    [Fact]
    public void LateRnaFailureAfterDnaLeavesNoPartialReport()
    {
        string bam = CopyWithoutIndex("rna/exon10_psi/RNA_PSI020.bam");
        AssertBadInput(bam, "index", "--dna", CrbnRun.TestData("dna/deep_panel/DEEP_TUMOR.bam"), "--rna", bam);
    }

    [Fact]
    public void MalformedCohortFileIsBadInputNamingItAndTheLine()
    {
        string cohort = Path.Combine(_inputs, "cohort.tsv");
        File.WriteAllText(cohort, "gene\tA\tB\nCRBN\t1\t2\n");
        AssertBadInput(cohort, "line 1", "--rna", CrbnRun.TestData("rna/exon10_psi/RNA_PSI020.bam"), "--cohort", cohort);
    }

    /// <summary>
    /// Where no CUDA driver exists, <c>--device cuda</c> fails (never silently falls back) with a message naming CUDA;
    /// on a machine with CUDA the report records the CUDA backend.
    /// </summary>
    [Fact]
    public void DeviceCudaWithoutCudaFailsNamingCuda()
    {
        using CrbnRun run = CrbnRun.Call("--dna", CrbnRun.TestData("dna/wgs_negative/WGS_NEG.bam"), "--device", "cuda");
        if (run.ExitCode == 0)
        {
            Assert.Equal("cuda", run.Report.GetProperty("tool").GetProperty("backend").GetString());
            return;
        }

        Assert.Contains("cuda", run.ErrorLine, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(run.FilesWritten());
    }

    [Fact]
    public void UnknownDeviceIsBadUsage()
    {
        using CrbnRun run = CrbnRun.Call("--dna", CrbnRun.TestData("dna/wgs_negative/WGS_NEG.bam"), "--device", "tpu");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--device", run.ErrorLine, StringComparison.Ordinal);
        Assert.Empty(run.FilesWritten());
    }

    [Fact]
    public void NoInputBamIsBadUsage()
    {
        using CrbnRun run = CrbnRun.Call();
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--dna", run.ErrorLine, StringComparison.Ordinal);
        Assert.Empty(run.FilesWritten());
    }

    private string CopyWithoutIndex(string relative)
    {
        string copy = Path.Combine(_inputs, "unindexed_" + Path.GetFileName(relative));
        File.Copy(CrbnRun.TestData(relative), copy);
        return copy;
    }

    private static void AssertBadInput(string namedFile, string problem, params string[] args)
    {
        using CrbnRun run = CrbnRun.Call(args);
        Assert.True(run.ExitCode == 2, $"expected exit 2, got {run.ExitCode}; stderr:\n{run.Stderr}");
        Assert.StartsWith("crbn call: ", run.ErrorLine, StringComparison.Ordinal);
        Assert.Contains(namedFile, run.ErrorLine, StringComparison.Ordinal);
        Assert.Contains(problem, run.ErrorLine, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(run.FilesWritten());
        Assert.Equal(string.Empty, run.Stdout);
    }
}
