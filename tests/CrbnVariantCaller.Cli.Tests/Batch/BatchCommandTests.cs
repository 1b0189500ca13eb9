using CrbnVariantCaller.Reporting.Json;
using CrbnVariantCaller.Reporting.Model;
using CrbnVariantCaller.Reporting.Output;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.Batch;

/// <summary>
/// <c>crbn batch</c> run as a user runs it, on the synthetic testdata BAMs: exit codes (0, 2 for a bad sheet, 3 when a
/// sample fails), one summary row per sample, the per-sample files, <c>--resume</c>, and percentiles against the batch.
/// </summary>
public sealed class BatchCommandTests : IDisposable
{
    private static readonly string Reference = Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.fa.gz");
    private readonly string _dir = Directory.CreateTempSubdirectory("crbn-batch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Failed_sample_gives_exit_3_with_every_sample_summarised_and_resume_skips_completed_ones()
    {
        string sheet = WriteSheet(
            "sample,dna,normal,rna",
            $"DEEP,{Rel("dna/deep_panel/DEEP_TUMOR.bam")},{Rel("dna/deep_panel/DEEP_NORMAL.bam")},",
            $"RNA20,,,{Rel("rna/exon10_psi/RNA_PSI020.bam")}",
            "BROKEN,does_not_exist.bam,,");
        string outDir = Path.Combine(_dir, "out");

        var (exit, stdout, stderr) = CrbnProcess.Run("batch", "--samples", sheet, "--reference", Reference, "--out", outDir, "--jobs", "2");

        Assert.True(exit == 3, $"exit {exit}\n{stderr}");
        Assert.Contains("3 samples, 1 failed", stdout, StringComparison.Ordinal);
        Assert.Contains("[3/3] BROKEN: failed", stderr, StringComparison.Ordinal);
        string[][] rows = SummaryRows(outDir);
        Assert.Equal(["DEEP", "RNA20", "BROKEN"], rows.Select(r => r[0]));
        Assert.Equal(["completed", "completed", "failed"], rows.Select(r => Cell(r, "status")));
        Assert.Equal($"{Path.Combine(Path.GetDirectoryName(sheet)!, "does_not_exist.bam")}: file not found", Cell(rows[2], "error"));
        Assert.Equal("", Cell(rows[0], "error"));
        Assert.Contains("BROKEN", File.ReadAllText(Path.Combine(outDir, BatchSummaryWriter.HtmlName)), StringComparison.Ordinal);

        SampleReport deep = ReadReport(outDir, "DEEP");
        SampleReport rna = ReadReport(outDir, "RNA20");
        foreach (string name in new[] { "DEEP", "RNA20" })
        {
            OutputNames files = OutputNames.ForSample(name);
            Assert.True(File.Exists(Path.Combine(outDir, files.VcfGz)));
            Assert.True(File.Exists(Path.Combine(outDir, files.Tabix)));
            Assert.True(File.Exists(Path.Combine(outDir, files.Html)));
        }

        Assert.False(File.Exists(Path.Combine(outDir, OutputNames.ForSample("BROKEN").Json)));
        Assert.Empty(Directory.GetFiles(outDir, ".*.tmp"));

        // The summary row is the report's: its PASS variants and overall assessment.
        Assert.Equal(Cell(SummaryRow(deep), "pass_variants"), Cell(rows[0], "pass_variants"));
        Assert.Contains(deep.Variants, v => v.IsPass);
        Assert.All(deep.Variants.Where(v => v.IsPass), v => Assert.Contains(v.HgvsP ?? v.HgvsC!, Cell(rows[0], "pass_variants"), StringComparison.Ordinal));
        Assert.Equal(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(deep.Assessment.Overall.ToString()), Cell(rows[0], "overall"));
        Assert.Equal("detected", Cell(rows[1], "exon10_status"));

        // One RNA sample and no cohort: no percentiles, and the report says why in batch terms.
        Assert.All(rna.Expression.Genes.Values, g => Assert.Null(g.Percentile));
        Assert.Contains(rna.NotAssessable, n => n.What == "expression percentiles" && n.Why.Contains("only 1 sample(s) of this batch", StringComparison.Ordinal));

        // A batch sample is the same analysis as crbn call on the same inputs.
        string callOut = Path.Combine(_dir, "call");
        var call = CrbnProcess.Run(
            "call", "--dna", Data("dna/deep_panel/DEEP_TUMOR.bam"), "--normal", Data("dna/deep_panel/DEEP_NORMAL.bam"),
            "--sample", "DEEP", "--reference", Reference, "--out", callOut);
        Assert.True(call.ExitCode == 0, call.Stderr);
        Assert.Equal(WithoutCommandLine(ReadReport(callOut, "DEEP")), WithoutCommandLine(deep));

        // --resume: completed samples are skipped (files untouched) but summarised; the failed one runs again.
        DateTime deepWritten = File.GetLastWriteTimeUtc(Path.Combine(outDir, "DEEP.report.json"));
        File.WriteAllText(Path.Combine(outDir, "RNA20.report.json"), "{\"schema_version\": \"1.0\", \"sam");
        (exit, _, stderr) = CrbnProcess.Run("batch", "--samples", sheet, "--reference", Reference, "--out", outDir, "--resume");

        Assert.True(exit == 3, $"exit {exit}\n{stderr}");
        Assert.Contains("[1/3] DEEP: skipped", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("[1/3] DEEP: running", stderr, StringComparison.Ordinal);
        Assert.Contains("RNA20.report.json does not parse", stderr, StringComparison.Ordinal);
        Assert.Contains("[2/3] RNA20: running", stderr, StringComparison.Ordinal);
        Assert.Contains("[3/3] BROKEN: running", stderr, StringComparison.Ordinal);
        Assert.Equal(deepWritten, File.GetLastWriteTimeUtc(Path.Combine(outDir, "DEEP.report.json")));
        rows = SummaryRows(outDir);
        Assert.Equal(["skipped", "completed", "failed"], rows.Select(r => Cell(r, "status")));
        Assert.Equal(Cell(SummaryRow(deep), "pass_variants"), Cell(rows[0], "pass_variants"));
        Assert.Equal("RNA20", ReadReport(outDir, "RNA20").Sample);
    }

    [Fact]
    public void Five_rna_samples_without_a_cohort_are_ranked_against_the_batch()
    {
        string[] bams =
        [
            "rna/exon10_psi/RNA_PSI000.bam", "rna/exon10_psi/RNA_PSI005.bam", "rna/exon10_psi/RNA_PSI020.bam",
            "rna/exon10_psi/RNA_PSI045.bam", "rna/expressed_snv/RNA_SNV.bam",
        ];
        string[] ids = ["P000", "P005", "P020", "P045", "SNV"];
        string sheet = WriteSheet(["sample,rna", .. ids.Zip(bams, (id, bam) => $"{id},{Rel(bam)}")]);
        string outDir = Path.Combine(_dir, "out");

        var (exit, _, stderr) = CrbnProcess.Run("batch", "--samples", sheet, "--reference", Reference, "--out", outDir, "--jobs", "3", "--device", "cpu");

        Assert.True(exit == 0, $"exit {exit}\n{stderr}");
        SampleReport[] reports = ids.Select(id => ReadReport(outDir, id)).ToArray();
        string[] genes = reports[0].Expression.Genes.Keys.ToArray();
        Assert.Contains("CRBN", genes);
        foreach (SampleReport report in reports)
        {
            Assert.Equal("batch (5 samples)", report.Expression.PercentileReference);
            Assert.DoesNotContain(report.NotAssessable, n => n.What == "expression percentiles");
            foreach (string gene in genes)
            {
                double tpm = report.Expression.Genes[gene].Tpm!.Value;
                double[] all = reports.Select(r => r.Expression.Genes[gene].Tpm!.Value).ToArray();
                double expected = 100.0 * (all.Count(v => v < tpm) + (all.Count(v => v == tpm) / 2.0)) / all.Length;
                Assert.Equal(expected, report.Expression.Genes[gene].Percentile!.Value, 9);
            }
        }

        // The five CRBN TPMs differ, so the batch percentiles are 10, 30, 50, 70, 90 in some order.
        Assert.Equal([10.0, 30, 50, 70, 90], reports.Select(r => r.Expression.Genes["CRBN"].Percentile!.Value).Order());
        string[][] rows = SummaryRows(outDir);
        Assert.Equal(reports.Select(r => Cell(SummaryRow(r), "crbn_percentile")), rows.Select(r => Cell(r, "crbn_percentile")));
        Assert.All(rows, r => Assert.Equal("completed", Cell(r, "status")));

        // Resuming a complete batch runs nothing and rewrites no report.
        DateTime[] written = ids.Select(id => File.GetLastWriteTimeUtc(Path.Combine(outDir, $"{id}.report.json"))).ToArray();
        (exit, _, stderr) = CrbnProcess.Run("batch", "--samples", sheet, "--reference", Reference, "--out", outDir, "--resume", "--device", "cpu");
        Assert.True(exit == 0, $"exit {exit}\n{stderr}");
        Assert.DoesNotContain(": running", stderr, StringComparison.Ordinal);
        Assert.Equal(written, ids.Select(id => File.GetLastWriteTimeUtc(Path.Combine(outDir, $"{id}.report.json"))));
        Assert.All(SummaryRows(outDir), r => Assert.Equal("skipped", Cell(r, "status")));
    }

    [Fact]
    public void Malformed_bam_fails_only_its_sample_with_the_readers_message()
    {
        string sheetDir = Directory.CreateDirectory(Path.Combine(_dir, "sheet")).FullName;
        byte[] bam = File.ReadAllBytes(Data("dna/deep_panel/DEEP_TUMOR.bam"));
        File.WriteAllBytes(Path.Combine(sheetDir, "truncated.bam"), bam.AsSpan(0, bam.Length / 2).ToArray());
        File.Copy(Data("dna/deep_panel/DEEP_TUMOR.bam.bai"), Path.Combine(sheetDir, "truncated.bam.bai"));
        string sheet = WriteSheet("sample,dna,rna", "CUT,truncated.bam,", $"GOOD,,{Rel("rna/exon10_psi/RNA_PSI045.bam")}");
        string outDir = Path.Combine(_dir, "out");

        var (exit, _, stderr) = CrbnProcess.Run("batch", "--samples", sheet, "--reference", Reference, "--out", outDir, "--device", "cpu");

        Assert.True(exit == 3, $"exit {exit}\n{stderr}");
        string[][] rows = SummaryRows(outDir);
        Assert.Equal(["failed", "completed"], rows.Select(r => Cell(r, "status")));
        Assert.StartsWith($"{Path.Combine(sheetDir, "truncated.bam")}: ", Cell(rows[0], "error"), StringComparison.Ordinal);
        Assert.Contains("truncated", Cell(rows[0], "error"), StringComparison.Ordinal);
        Assert.Equal("GOOD", ReadReport(outDir, "GOOD").Sample);
    }

    [Theory]
    [InlineData("sample,dna\nA,a.bam\nB,b.bam,extra\n", "line 3: has 3 fields")]
    [InlineData("sample,dna\nA,a.bam\nA,b.bam\n", "line 3: sample 'A' is already on line 2")]
    [InlineData("sample,tumour\nA,a.bam\n", "line 1: unknown column 'tumour'")]
    [InlineData("sample,dna\nmm/1,a.bam\nmm_1,b.bam\n", "line 3: sample 'mm_1' would write the same files (mm_1.*) as sample 'mm/1' on line 2")]
    [InlineData("sample,dna\nMM1,a.bam\nmm1,b.bam\n", "line 3: sample 'mm1' would write the same files")]
    public void Malformed_sheet_exits_2_naming_the_line_before_any_sample_runs(string text, string problem)
    {
        // Real BAMs in the good rows, so only the sheet's own problem can stop the batch.
        text = text.Replace("a.bam", Rel("dna/deep_panel/DEEP_TUMOR.bam"), StringComparison.Ordinal)
            .Replace("b.bam", Rel("dna/deep_panel/DEEP_NORMAL.bam"), StringComparison.Ordinal);
        string sheet = WriteSheet(text.TrimEnd('\n').Split('\n'));
        string outDir = Path.Combine(_dir, "out");

        var (exit, stdout, stderr) = CrbnProcess.Run("batch", "--samples", sheet, "--reference", Reference, "--out", outDir);

        Assert.True(exit == 2, $"exit {exit}\n{stderr}");
        Assert.Contains($"crbn batch: {sheet}: {problem}", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), "no sample may run");
    }

    [Fact]
    public void Missing_sheet_and_bad_jobs_are_usage_errors()
    {
        string missing = Path.Combine(_dir, "nope.csv");
        var (exit, _, stderr) = CrbnProcess.Run("batch", "--samples", missing, "--reference", Reference, "--out", _dir);
        Assert.Equal(2, exit);
        Assert.Contains($"{missing}: file not found", stderr, StringComparison.Ordinal);

        string sheet = WriteSheet("sample,dna", $"A,{Rel("dna/deep_panel/DEEP_TUMOR.bam")}");
        (exit, _, stderr) = CrbnProcess.Run("batch", "--samples", sheet, "--reference", Reference, "--out", _dir, "--jobs", "0");
        Assert.Equal(2, exit);
        Assert.Contains("--jobs must be at least 1", stderr, StringComparison.Ordinal);
    }

    /// <summary>Writes the sheet into a sub-folder of the temp dir, so relative paths must resolve against the sheet.</summary>
    private string WriteSheet(params string[] lines)
    {
        string dir = Directory.CreateDirectory(Path.Combine(_dir, "sheet")).FullName;
        string path = Path.Combine(dir, "samples.csv");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private string Rel(string testDataPath) => Path.GetRelativePath(Path.Combine(_dir, "sheet"), Data(testDataPath));

    private static string Data(string testDataPath) => Path.Combine(RepoPaths.TestData, testDataPath);

    private static SampleReport ReadReport(string dir, string sample)
    {
        using FileStream stream = File.OpenRead(Path.Combine(dir, OutputNames.ForSample(sample).Json));
        return ReportJson.Read(stream);
    }

    private static string WithoutCommandLine(SampleReport report) =>
        ReportJson.Serialize(report with { Tool = report.Tool with { CommandLine = null } });

    private static string[] SummaryRow(SampleReport report) =>
        BatchSummaryWriter.Row(new BatchSampleOutcome(report.Sample, BatchSampleStatus.Completed, report));

    private static string[][] SummaryRows(string outDir)
    {
        string[] lines = File.ReadAllLines(Path.Combine(outDir, BatchSummaryWriter.TsvName));
        Assert.Equal(BatchSummaryWriter.Columns, lines[0].Split('\t'));
        string[][] rows = lines.Skip(1).Select(l => l.Split('\t')).ToArray();
        Assert.All(rows, r => Assert.Equal(BatchSummaryWriter.Columns.Count, r.Length));
        return rows;
    }

    private static string Cell(string[] row, string column) => row[IndexOf(column)];

    private static int IndexOf(string column)
    {
        for (int i = 0; i < BatchSummaryWriter.Columns.Count; i++)
        {
            if (BatchSummaryWriter.Columns[i] == column)
            {
                return i;
            }
        }

        throw new ArgumentException($"no summary column {column}", nameof(column));
    }
}
