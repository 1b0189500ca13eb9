using System.Globalization;
using System.Text.Json;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.EndToEnd;

/// <summary>
/// <c>--exon10-cohort</c> on real bytes: the SYNTHETIC relapse RNA (testdata/rna/longitudinal/LONG_RELAPSE_RNA.bam,
/// Δexon10 PSI 0.213, 95% CI 0.112–0.368) is a likely mechanism against a cohort whose 95th-percentile PSI is below its
/// interval, stays possible against one where it is typical, and every finding names the cohort and its size; a
/// malformed cohort file, given to <c>crbn call</c> or named by a sample sheet, is exit 2 naming the file and line, with
/// nothing written.
/// </summary>
public sealed class Exon10CohortTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crbn-e10cohort-").FullName;

    private static string RelapseRna => CrbnRun.TestData("rna/longitudinal/LONG_RELAPSE_RNA.bam");

    /// <summary>A cohort file of 30 PSI values evenly from <paramref name="low"/> to <paramref name="high"/>.</summary>
    private string Cohort(string file, string name, double low, double high)
    {
        string path = Path.Combine(_dir, file);
        IEnumerable<string> rows = Enumerable.Range(0, 30).Select(i => string.Create(CultureInfo.InvariantCulture, $"C{i}\t{low + ((high - low) * i / 29):0.####}"));
        File.WriteAllLines(path, [$"# name: {name}", "sample\tpsi_skipped", .. rows]);
        return path;
    }

    private static JsonElement SplicingFinding(CrbnRun run) =>
        Assert.Single(run.Report.GetProperty("assessment").GetProperty("findings").EnumerateArray(), f => f.GetProperty("category").GetString() == "splicing");

    [Fact]
    public void AHighPsiAgainstTheCohortIsLikelyAndTheCohortIsNamed()
    {
        // Newly diagnosed cohort, PSI 0.01-0.08: its 95th-percentile PSI (0.0776) lies below the relapse interval (from 0.112).
        using CrbnRun run = CrbnRun.Call("--rna", RelapseRna, "--sample", "REL", "--exon10-cohort", Cohort("ndmm.tsv", "lab NDMM", 0.01, 0.08));
        JsonElement cohort = run.Report.GetProperty("splicing").GetProperty("crbn_exon10_skipping").GetProperty("cohort");
        Assert.Equal("lab NDMM", cohort.GetProperty("cohort").GetString());
        Assert.Equal(30, cohort.GetProperty("samples").GetInt32());
        Assert.Equal(100, cohort.GetProperty("percentile").GetDouble());
        Assert.Equal(95, cohort.GetProperty("high_percentile").GetDouble());
        Assert.InRange(cohort.GetProperty("high_psi").GetDouble(), 0.075, 0.08);
        JsonElement finding = SplicingFinding(run);
        Assert.Equal("resistance_mechanism", finding.GetProperty("level").GetString());
        Assert.Contains("compared with cohort 'lab NDMM' (30 samples), PSI 0.213 lies at percentile 100", finding.GetProperty("statement").GetString(), StringComparison.Ordinal);
        Assert.Equal("resistance_mechanism_detected", run.Report.GetProperty("assessment").GetProperty("overall").GetString());
    }

    [Fact]
    public void ATypicalPsiAgainstTheCohortStaysPossible()
    {
        // A relapsed cohort, PSI 0.05-0.40: 0.213 is typical there and its interval does not lie above the 95th percentile.
        using CrbnRun run = CrbnRun.Call("--rna", RelapseRna, "--sample", "REL", "--exon10-cohort", Cohort("rrmm.tsv", "lab RRMM", 0.05, 0.40));
        JsonElement finding = SplicingFinding(run);
        Assert.Equal("possible", finding.GetProperty("level").GetString());
        string statement = finding.GetProperty("statement").GetString()!;
        Assert.Contains("compared with cohort 'lab RRMM' (30 samples), PSI 0.213 lies at percentile 46.7", statement, StringComparison.Ordinal);
        Assert.Contains("does not lie above it, so it is graded possible", statement, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedCohortIsRefusedByCallNamingTheFileAndLine()
    {
        string bad = Path.Combine(_dir, "bad_cohort.tsv");
        File.WriteAllText(bad, "sample\tpsi_skipped\nC1\t0.02\nC2\t2%\n");
        using CrbnRun run = CrbnRun.Call("--rna", RelapseRna, "--sample", "REL", "--exon10-cohort", bad);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{bad}: line 3: psi_skipped '2%' is not a fraction between 0 and 1 (or NA)", run.ErrorLine, StringComparison.Ordinal);
        Assert.Empty(run.FilesWritten());
    }

    [Fact]
    public void AMalformedCohortNamedBySheetIsRefusedByBatchBeforeAnySampleRuns()
    {
        string bad = Path.Combine(_dir, "short.tsv");
        File.WriteAllText(bad, "psi_skipped\n0.02\n0.03\n");
        string sheet = Path.Combine(_dir, "samples.csv");
        File.WriteAllLines(sheet, ["sample,rna,exon10_cohort", $"REL,{RelapseRna},short.tsv"]);
        string outDir = Path.Combine(_dir, "batch");
        (int code, _, string stderr) = CrbnProcess.Run("batch", "--samples", sheet, "--reference", CrbnRun.Reference, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains($"{bad}: 2 PSI value(s); a Δexon10 cohort needs at least 20", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), "the batch wrote into --out");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
