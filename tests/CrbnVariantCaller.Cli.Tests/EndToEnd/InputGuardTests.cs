using System.Text.Json;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.EndToEnd;

/// <summary>
/// Mistakes a user makes that must stop before any analysis with exit 2 and one line (or be handled correctly), and
/// inputs that are valid but unusual: a BAM named in the other contig style than the reference, an imported table
/// with Ensembl IDs, and a sample too shallow to say anything.
/// </summary>
public sealed class InputGuardTests
{
    private static readonly string Tumor = CrbnRun.TestData("dna/deep_panel/DEEP_TUMOR.bam");

    [Fact]
    public void TheSameBamAsTumourAndNormalIsBadUsage()
    {
        using CrbnRun run = CrbnRun.Call("--dna", Tumor, "--normal", Tumor);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("same file", run.ErrorLine, StringComparison.Ordinal);
        Assert.Empty(run.FilesWritten());
    }

    [Fact]
    public void AbsurdThreadCountsAreBadUsage()
    {
        using CrbnRun run = CrbnRun.Call("--dna", Tumor, "--threads", "99999");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--threads must be at most", run.ErrorLine, StringComparison.Ordinal);
        (int code, _, string stderr) = CrbnProcess.Run("view", "-c", "-@", "100000", Tumor);
        Assert.Equal(2, code);
        Assert.Contains("--threads must be at most", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOutputPathThatIsAFileIsBadUsageBeforeAnyWork()
    {
        string file = Path.GetTempFileName();
        try
        {
            (int code, _, string stderr) = CrbnProcess.Run("call", "--dna", Tumor, "--reference", CrbnRun.Reference, "--out", file);
            Assert.Equal(2, code);
            Assert.Contains("existing file", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("DNA:", stderr, StringComparison.Ordinal); // no analysis ran
        }
        finally
        {
            File.Delete(file);
        }
    }

    [CorpusFact]
    public void ACramIsRefusedWithAHowTo()
    {
        string cram = Path.Combine(RepoPaths.Corpus, "real_dna", "igvjs_hg00096_hg38.cram");
        (int code, _, string stderr) = CrbnProcess.Run("view", "-c", cram);
        Assert.Equal(2, code);
        Assert.Contains("CRAM", stderr, StringComparison.Ordinal);
        Assert.Contains("samtools view -b", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownViewOptionIsNamedAsAnOption()
    {
        (int code, _, string stderr) = CrbnProcess.Run("view", "-q", "30", Tumor);
        Assert.Equal(2, code);
        Assert.Contains("unknown option -q", stderr, StringComparison.Ordinal);
    }

    /// <summary>A BAM aligned to contigs named 3, 6, 7 read with the chr-named reference: the VCF uses the reference's names.</summary>
    [ToolFact("samtools", "bcftools")]
    public void ABamInTheOtherNamingStyleGivesAVcfInTheReferencesNames()
    {
        string dir = Directory.CreateTempSubdirectory("crbn-nochr-").FullName;
        try
        {
            string sam = ExternalTool.Run("samtools", "view", "-h", "--no-PG", Tumor);
            string samPath = Path.Combine(dir, "nochr.sam");
            string bam = Path.Combine(dir, "nochr.bam");
            File.WriteAllText(samPath, System.Text.RegularExpressions.Regex.Replace(sam, @"(SN:|\t)chr([0-9XYM]+)\b", "$1$2"));
            ExternalTool.Run("samtools", "view", "-b", "--no-PG", "-o", bam, samPath);
            ExternalTool.Run("samtools", "index", bam);

            using CrbnRun run = CrbnRun.Call("--dna", bam);

            Assert.True(run.ExitCode == 0, run.Stderr);
            string vcf = run.Output(".vcf.gz");
            VcfChecks.AssertPassesBcftools(vcf);
            Assert.All(ReportContract.Variants(run.Report), v => Assert.Equal("chr3", v.Chrom));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// A featureCounts table keyed by Ensembl gene IDs finds CRBN through the GTF gene id; its CPM is normalised over the
    /// whole table, not over the biomarker rows alone.
    /// </summary>
    [Fact]
    public void AnImportedTableIsNormalisedOverAllItsGenes()
    {
        string dir = Directory.CreateTempSubdirectory("crbn-fc-").FullName;
        try
        {
            string table = Path.Combine(dir, "counts.txt");
            var lines = new List<string>
            {
                "# Program:featureCounts v2.0.3; Command:\"featureCounts\" -a genes.gtf -o counts.txt s.bam",
                "Geneid\tChr\tStart\tEnd\tStrand\tLength\ts.bam",
                "CRBN\tchr3\t3149633\t3179717\t-\t2000\t500",
            };
            for (int i = 0; i < 999; i++)
            {
                lines.Add($"GENE{i}\tchr1\t{1000 + i}\t{2000 + i}\t+\t2000\t500");
            }

            File.WriteAllLines(table, lines);
            using CrbnRun run = CrbnRun.Call("--dna", Tumor, "--expression", table);

            Assert.True(run.ExitCode == 0, run.Stderr);
            JsonElement crbn = run.Report.GetProperty("expression").GetProperty("genes").GetProperty("CRBN");
            Assert.Equal(500, crbn.GetProperty("counts").GetDouble());
            Assert.Equal(1000.0, crbn.GetProperty("cpm").GetDouble(), 6);   // 500 of 500,000 reads
            Assert.Equal(1000.0, crbn.GetProperty("tpm").GetDouble(), 6);   // 1 of 1000 equal-length genes
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ARnaSampleTooShallowToJudgeIsNotAssessable()
    {
        using CrbnRun run = CrbnRun.Call("--rna", CrbnRun.TestData("rna/low_depth/RNA_LOWDEPTH.bam"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("not_assessable", run.Report.GetProperty("assessment").GetProperty("overall").GetString());
    }
}
