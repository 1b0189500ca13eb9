using System.Text.Json;
using CrbnVariantCaller.Cli.Tests.EndToEnd;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.Compare;

/// <summary>
/// The SYNTHETIC baseline/relapse pair of testdata/{dna,rna}/longitudinal through crbn call and crbn compare: every
/// designed change (truth.json expected_compare) is classified as designed, and the no-change pair gives "none".
/// </summary>
public sealed class CompareFixture : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("crbn-compare-").FullName;

    public JsonElement Expected { get; }

    public CompareFixture()
    {
        Expected = JsonDocument.Parse(File.ReadAllText(CrbnRun.TestData("dna/longitudinal/truth.json"))).RootElement.GetProperty("expected_compare");
        Call("LONG_BASELINE", "newly_diagnosed", rna: "LONG_BASELINE_RNA");
        Call("LONG_RELAPSE", "relapsed", rna: "LONG_RELAPSE_RNA");
        Call("NOCHANGE_A", "newly_diagnosed");
        Call("NOCHANGE_B", "relapsed");
    }

    private void Call(string sample, string setting, string? rna = null)
    {
        List<string> args = ["call", "--dna", Bam(sample), "--reference", CrbnRun.Reference, "--sample", sample, "--setting", setting, "--out", Root];
        if (rna is not null)
        {
            args.AddRange(["--rna", CrbnRun.TestData($"rna/longitudinal/{rna}.bam")]);
        }

        (int code, _, string stderr) = CrbnProcess.Run([.. args]);
        Assert.True(code == 0, stderr);
    }

    public static string Bam(string sample) => CrbnRun.TestData($"dna/longitudinal/{sample}.bam");

    public string Report(string sample) => Path.Combine(Root, sample + ".report.json");

    public (int Code, string Stdout, string Stderr, JsonElement? Json, string Out) Compare(string baseline, string relapse, bool withBams = true)
    {
        string outDir = Path.Combine(Root, $"cmp-{baseline}-{relapse}-{withBams}");
        List<string> args = ["compare", "--baseline", Report(baseline), "--relapse", Report(relapse), "--out", outDir];
        if (withBams)
        {
            args.AddRange(["--baseline-bam", Bam(baseline), "--relapse-bam", Bam(relapse), "--reference", CrbnRun.Reference]);
        }

        (int code, string stdout, string stderr) = CrbnProcess.Run([.. args]);
        string json = Path.Combine(outDir, $"{baseline}_vs_{relapse}.compare.json");
        return (code, stdout, stderr, File.Exists(json) ? JsonDocument.Parse(File.ReadAllText(json)).RootElement : null, outDir);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

public sealed class CompareCommandTests(CompareFixture fixture) : IClassFixture<CompareFixture>
{
    private static readonly Dictionary<string, string> Proteins = new()
    {
        ["W386R"] = "p.Trp386Arg", ["C391R"] = "p.Cys391Arg", ["H353R"] = "p.His353Arg", ["E200E"] = "c.600A>G",
        ["DEL2"] = "p.Asn367ThrfsTer10",
    };

    private static JsonElement Variant(JsonElement compare, string label) =>
        Assert.Single(compare.GetProperty("variants").EnumerateArray(), v =>
            (v.GetProperty("hgvs_p").GetString() == Proteins[label]) || (v.GetProperty("hgvs_c").GetString() == Proteins[label]));

    [Fact]
    public void EveryDesignedChangeOfTheBaselineRelapsePairIsClassified()
    {
        JsonElement pair = fixture.Expected.GetProperty("pairs")[0];
        (int code, string stdout, string stderr, JsonElement? json, string outDir) = fixture.Compare("LONG_BASELINE", "LONG_RELAPSE");
        Assert.True(code == 0, stderr);
        JsonElement c = json!.Value;
        foreach (JsonProperty designed in pair.GetProperty("variants").EnumerateObject())
        {
            JsonElement v = Variant(c, designed.Name);
            Assert.True(designed.Value.GetString() == v.GetProperty("change").GetString(), $"{designed.Name}: expected {designed.Value}, got {v.GetProperty("change")}: {v}");
        }

        // W386R is absent at baseline: measured in the baseline BAM, and the baseline limit of detection is given.
        JsonElement w386r = Variant(c, "W386R");
        Assert.Equal("remeasured_bam", w386r.GetProperty("baseline").GetProperty("source").GetString());
        Assert.True(w386r.GetProperty("baseline").GetProperty("limit_of_detection").GetDouble() is > 0 and < 0.1);
        Assert.True(w386r.GetProperty("p_value").GetDouble() < 0.05);
        // DEL2, a 2-bp frameshift deletion absent at baseline, is re-measured there like the SNVs (0 of ~290 reads; the
        // counts are checked against samtools in Pipeline.Tests IndelRemeasurementTests), not assumed absent.
        JsonElement del2 = Variant(c, "DEL2");
        Assert.Equal("remeasured_bam", del2.GetProperty("baseline").GetProperty("source").GetString());
        Assert.Equal(0, del2.GetProperty("baseline").GetProperty("alt_reads").GetInt32());
        Assert.True(del2.GetProperty("baseline").GetProperty("depth").GetInt32() > 200, del2.ToString());
        Assert.Equal("report", del2.GetProperty("relapse").GetProperty("source").GetString());
        Assert.True(del2.GetProperty("p_value").GetDouble() < 0.05);
        Assert.DoesNotContain(c.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("could not be re-measured", StringComparison.Ordinal));
        // H353R is gone at relapse: re-measured there, not assumed.
        Assert.Equal("remeasured_bam", Variant(c, "H353R").GetProperty("relapse").GetProperty("source").GetString());
        Assert.True(Variant(c, "E200E").GetProperty("p_value").GetDouble() > 0.05);

        JsonElement exon10 = c.GetProperty("exon10");
        Assert.Equal(pair.GetProperty("exon10").GetString(), exon10.GetProperty("change").GetString());
        Assert.True(exon10.GetProperty("difference_ci_low").GetDouble() > 0);
        Assert.True(exon10.GetProperty("relapse_psi").GetDouble() > exon10.GetProperty("baseline_psi").GetDouble());
        Assert.Equal(pair.GetProperty("verdict").GetString(), c.GetProperty("verdict").GetString());
        Assert.Contains("acquired", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "LONG_BASELINE_vs_LONG_RELAPSE.compare.html")));
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp*"));
    }

    [Fact]
    public void ThePairWithNoChangeIsNone()
    {
        JsonElement pair = fixture.Expected.GetProperty("pairs")[1];
        (int code, _, string stderr, JsonElement? json, _) = fixture.Compare("NOCHANGE_A", "NOCHANGE_B");
        Assert.True(code == 0, stderr);
        JsonElement c = json!.Value;
        Assert.Equal("none", c.GetProperty("verdict").GetString());
        Assert.Equal(pair.GetProperty("verdict").GetString(), c.GetProperty("verdict").GetString());
        foreach (JsonProperty designed in pair.GetProperty("variants").EnumerateObject())
        {
            Assert.Equal(designed.Value.GetString(), Variant(c, designed.Name).GetProperty("change").GetString());
        }

        Assert.Equal("not_assessable", c.GetProperty("exon10").GetProperty("change").GetString());
    }

    [Fact]
    public void WithoutBamsAMissingVariantIsAssumedAbsentAndSaysSo()
    {
        (int code, _, string stderr, JsonElement? json, _) = fixture.Compare("LONG_BASELINE", "LONG_RELAPSE", withBams: false);
        Assert.True(code == 0, stderr);
        JsonElement w386r = Variant(json!.Value, "W386R");
        Assert.Equal("assumed_absent", w386r.GetProperty("baseline").GetProperty("source").GetString());
        Assert.Contains(json!.Value.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("No BAMs given", StringComparison.Ordinal));
    }

    [Fact]
    public void ANonReportIsBadInputNamingTheFile()
    {
        string bogus = Path.Combine(fixture.Root, "bogus.report.json");
        File.WriteAllText(bogus, "{ not json");
        (int code, _, string stderr) = CrbnProcess.Run("compare", "--baseline", bogus, "--relapse", fixture.Report("LONG_RELAPSE"), "--out", Path.Combine(fixture.Root, "bad"));
        Assert.Equal(2, code);
        Assert.Contains("bogus.report.json", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(fixture.Root, "bad")) && Directory.EnumerateFiles(Path.Combine(fixture.Root, "bad")).Any());
    }
}
