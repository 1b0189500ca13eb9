using System.Text.Json;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.EndToEnd;

/// <summary>
/// <c>--functional-variants</c> on real bytes: in the SYNTHETIC longitudinal baseline (testdata/dna/longitudinal/LONG_BASELINE.bam)
/// p.His353Arg is a CULT missense outside the pocket and the zinc ligands, so a variant of uncertain significance; with a
/// lab table listing it, <c>crbn call</c> grades it a likely mechanism, the finding naming the lab's file and the row's
/// DOI, and the report records the table. A malformed table (given to <c>crbn call</c>, or named by a sample sheet for
/// <c>crbn batch</c> and <c>crbn sheet</c>) is exit 2 naming the file and line, with nothing written; <c>crbn sheet</c>
/// passes a good one to the workflow's <c>crbn call</c>. The rows' DOIs are test placeholders, not publications.
/// </summary>
public sealed class FunctionalVariantsTests : IDisposable
{
    private const string Header = "protein_change\tresidues\tassay\teffect\tpmid\tdoi";
    private const string H353RRow = "p.His353Arg\t353\tlenalidomide IKZF1 degradation in CRBN-knockout MM.1S rescued with the variant (test row)\tIKZF1 no longer degraded\t\t10.5555/crbn-lab-test.353";

    private readonly string _dir = Directory.CreateTempSubdirectory("crbn-labfv-").FullName;

    private static string Baseline => CrbnRun.TestData("dna/longitudinal/LONG_BASELINE.bam");

    private string Table(string file, params string[] lines)
    {
        string path = Path.Combine(_dir, file);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static JsonElement H353R(CrbnRun run) =>
        Assert.Single(run.Report.GetProperty("assessment").GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("statement").GetString()!.Contains("p.His353Arg", StringComparison.Ordinal));

    [Fact]
    public void ALabRowMakesAVusCultMissenseLikelyCitingTheLabTable()
    {
        using (CrbnRun without = CrbnRun.Call("--dna", Baseline, "--sample", "BASE"))
        {
            JsonElement vus = H353R(without);
            Assert.Equal("uncertain_significance", vus.GetProperty("level").GetString());
            Assert.Equal(JsonValueKind.Null, without.Report.GetProperty("lab_functional_variants").ValueKind);
        }

        string table = Table("our_lab_crbn.tsv", "# our lab's CRBN rescue assays", Header, H353RRow);
        using CrbnRun run = CrbnRun.Call("--dna", Baseline, "--sample", "BASE", "--functional-variants", table);
        JsonElement finding = H353R(run);
        Assert.Equal("resistance_mechanism", finding.GetProperty("level").GetString());
        Assert.Equal("II", finding.GetProperty("tier").GetString());
        string statement = finding.GetProperty("statement").GetString()!;
        Assert.Contains("listed in the lab's table of functionally tested CRBN variants our_lab_crbn.tsv", statement, StringComparison.Ordinal);
        Assert.Contains("doi:10.5555/crbn-lab-test.353", statement, StringComparison.Ordinal);
        string citation = Assert.Single(finding.GetProperty("citations").EnumerateArray()).GetString()!;
        Assert.Contains("our_lab_crbn.tsv", citation, StringComparison.Ordinal);
        Assert.Contains("doi:10.5555/crbn-lab-test.353", citation, StringComparison.Ordinal);
        JsonElement lab = run.Report.GetProperty("lab_functional_variants");
        Assert.Equal("our_lab_crbn.tsv", lab.GetProperty("name").GetString());
        Assert.Equal("p.His353Arg", Assert.Single(lab.GetProperty("variants").EnumerateArray()).GetProperty("protein_change").GetString());
        Assert.Equal("resistance_mechanism_detected", run.Report.GetProperty("assessment").GetProperty("overall").GetString());
        Assert.Contains("our_lab_crbn.tsv", File.ReadAllText(run.Output(".report.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing_column.tsv", "protein_change\tresidues\tassay\teffect\tpmid", "line 1: the header has no 'doi' column")]
    [InlineData("no_source.tsv", "p.His353Arg\t353\tassay\teffect\t\t", "line 2: p.His353Arg has neither a PMID nor a DOI (every row needs one)")]
    [InlineData("bad_change.tsv", "H353R\t353\tassay\teffect\t12345678\t", "line 2: protein_change 'H353R' is not an HGVS p. change")]
    public void AMalformedTableIsRefusedByCallNamingTheFileAndLine(string file, string line, string problem)
    {
        string table = line.StartsWith("protein_change", StringComparison.Ordinal) ? Table(file, line, H353RRow) : Table(file, Header, line);
        using CrbnRun run = CrbnRun.Call("--dna", Baseline, "--sample", "BASE", "--functional-variants", table);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{table}: {problem}", run.ErrorLine, StringComparison.Ordinal);
        Assert.Empty(run.FilesWritten());
    }

    [Fact]
    public void ATableNamedBySheetIsCheckedBeforeAnySampleRunsAndPassedToTheWorkflow()
    {
        string sheet = Path.Combine(_dir, "samples.csv");
        string good = Table("lab.tsv", Header, H353RRow);
        File.WriteAllLines(sheet, ["sample,dna,functional_variants", $"BASE,{Baseline},lab.tsv"]);
        (int code, string stdout, string stderr) = CrbnProcess.Run("sheet", "--samples", sheet);
        Assert.True(code == 0, stderr);
        JsonElement sample = Assert.Single(JsonDocument.Parse(stdout).RootElement.GetProperty("samples").EnumerateArray());
        string[] call = [.. sample.GetProperty("call").EnumerateArray().Select(a => a.GetString()!)];
        int at = Array.IndexOf(call, "--functional-variants");
        Assert.True(at >= 0 && call[at + 1] == good, string.Join(' ', call));
        Assert.Contains(good, sample.GetProperty("inputs").EnumerateArray().Select(a => a.GetString()));

        Table("lab.tsv", Header, "p.His353Arg\t353,x\tassay\teffect\t12345678\t");
        string outDir = Path.Combine(_dir, "batch");
        (code, _, stderr) = CrbnProcess.Run("batch", "--samples", sheet, "--reference", CrbnRun.Reference, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains($"{good}: line 2: residue 'x' of p.His353Arg is not a residue number", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), "the batch wrote into --out");
        (code, _, stderr) = CrbnProcess.Run("sheet", "--samples", sheet);
        Assert.Equal(2, code);
        Assert.Contains($"{good}: line 2: residue 'x'", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
