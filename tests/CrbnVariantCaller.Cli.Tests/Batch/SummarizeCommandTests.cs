using CrbnVariantCaller.Reporting.Json;
using CrbnVariantCaller.Reporting.Model;
using CrbnVariantCaller.Reporting.Output;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.Batch;

/// <summary>
/// <c>crbn summarize</c> after one <c>crbn call</c> per sheet row (what the Snakemake workflow runs) gives the same
/// reports, batch percentiles and summary files as <c>crbn batch</c> on the same sheet; a row without a report is failed.
/// </summary>
public sealed class SummarizeCommandTests : IDisposable
{
    private static readonly string Reference = Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.fa.gz");
    private readonly string _dir = Directory.CreateTempSubdirectory("crbn-summarize-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Calls_then_summarize_equal_crbn_batch_and_a_missing_report_is_a_failed_row()
    {
        (string Id, string Rna)[] rna =
        [
            ("P000", "rna/exon10_psi/RNA_PSI000.bam"), ("P005", "rna/exon10_psi/RNA_PSI005.bam"), ("P020", "rna/exon10_psi/RNA_PSI020.bam"),
            ("P045", "rna/exon10_psi/RNA_PSI045.bam"), ("SNV", "rna/expressed_snv/RNA_SNV.bam"),
        ];
        string sheetDir = Directory.CreateDirectory(Path.Combine(_dir, "sheet")).FullName;
        string sheet = Path.Combine(sheetDir, "samples.csv");
        File.WriteAllLines(sheet, [
            "sample,dna,normal,rna",
            $"DEEP,{Rel(sheetDir, "dna/deep_panel/DEEP_TUMOR.bam")},{Rel(sheetDir, "dna/deep_panel/DEEP_NORMAL.bam")},",
            .. rna.Select(r => $"{r.Id},,,{Rel(sheetDir, r.Rna)}"),
        ]);
        string batchOut = Path.Combine(_dir, "batch"), callsOut = Path.Combine(_dir, "calls");

        var batch = CrbnProcess.Run("batch", "--samples", sheet, "--reference", Reference, "--out", batchOut, "--jobs", "2", "--device", "cpu");
        Assert.True(batch.ExitCode == 0, batch.Stderr);

        Call("--dna", Data("dna/deep_panel/DEEP_TUMOR.bam"), "--normal", Data("dna/deep_panel/DEEP_NORMAL.bam"), "--sample", "DEEP", "--out", callsOut);
        foreach ((string id, string bam) in rna)
        {
            Call("--rna", Data(bam), "--sample", id, "--out", callsOut);
        }

        // Before summarize the calls have no batch percentiles; summarize ranks them as the batch did.
        Assert.Null(ReadReport(callsOut, "P020").Expression.PercentileReference);
        var (exit, stdout, stderr) = CrbnProcess.Run("summarize", "--samples", sheet, "--out", callsOut);
        Assert.True(exit == 0, $"exit {exit}\n{stderr}");
        Assert.Contains($"6 samples, 0 failed; summary: {Path.Combine(callsOut, BatchSummaryWriter.TsvName)}", stdout, StringComparison.Ordinal);

        foreach (string id in rna.Select(r => r.Id).Prepend("DEEP"))
        {
            Assert.Equal(WithoutCommandLine(ReadReport(batchOut, id)), WithoutCommandLine(ReadReport(callsOut, id)));
        }

        Assert.Equal("batch (5 samples)", ReadReport(callsOut, "P020").Expression.PercentileReference);
        Assert.Equal(File.ReadAllBytes(Path.Combine(batchOut, BatchSummaryWriter.TsvName)), File.ReadAllBytes(Path.Combine(callsOut, BatchSummaryWriter.TsvName)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(batchOut, BatchSummaryWriter.HtmlName)), File.ReadAllBytes(Path.Combine(callsOut, BatchSummaryWriter.HtmlName)));

        // A second summarize changes no report; without DEEP's report its row is failed, naming the missing file.
        DateTime written = File.GetLastWriteTimeUtc(Path.Combine(callsOut, "P020.report.json"));
        File.Delete(Path.Combine(callsOut, "DEEP.report.json"));
        (exit, stdout, stderr) = CrbnProcess.Run("summarize", "--samples", sheet, "--out", callsOut, "--step", "summary");
        Assert.True(exit == 3, $"exit {exit}\n{stderr}");
        Assert.Contains("6 samples, 1 failed", stdout, StringComparison.Ordinal);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(callsOut, "P020.report.json")));
        string[] deepRow = File.ReadAllLines(Path.Combine(callsOut, BatchSummaryWriter.TsvName))[1].Split('\t');
        Assert.Equal(["DEEP", "failed"], deepRow[..2]);
        Assert.Equal($"{Path.Combine(callsOut, "DEEP.report.json")}: no report (the sample has not completed)", deepRow[^1]);
    }

    [Fact]
    public void Missing_folder_and_unknown_step_are_usage_errors()
    {
        string sheet = Path.Combine(_dir, "samples.csv");
        File.WriteAllLines(sheet, ["sample,dna", $"A,{Data("dna/deep_panel/DEEP_TUMOR.bam")}"]);
        string missing = Path.Combine(_dir, "nope");

        var (exit, _, stderr) = CrbnProcess.Run("summarize", "--samples", sheet, "--out", missing);
        Assert.Equal(2, exit);
        Assert.Contains($"crbn summarize: {missing}: folder not found", stderr, StringComparison.Ordinal);

        (exit, _, stderr) = CrbnProcess.Run("summarize", "--samples", sheet, "--out", _dir, "--step", "everything");
        Assert.Equal(2, exit);
        Assert.Contains("everything", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, BatchSummaryWriter.TsvName)));
    }

    private static void Call(params string[] args)
    {
        var (exit, _, stderr) = CrbnProcess.Run(["call", "--reference", Reference, "--device", "cpu", .. args]);
        Assert.True(exit == 0, stderr);
    }

    private static string Rel(string from, string testDataPath) => Path.GetRelativePath(from, Data(testDataPath));

    private static string Data(string testDataPath) => Path.Combine(RepoPaths.TestData, testDataPath);

    private static SampleReport ReadReport(string dir, string sample)
    {
        using FileStream stream = File.OpenRead(Path.Combine(dir, OutputNames.ForSample(sample).Json));
        return ReportJson.Read(stream);
    }

    private static string WithoutCommandLine(SampleReport report) =>
        ReportJson.Serialize(report with { Tool = report.Tool with { CommandLine = null } });
}
