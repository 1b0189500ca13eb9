using System.Text.Json;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.EndToEnd;

/// <summary>One <c>crbn demo --out DIR</c> run shared by <see cref="DemoTests"/>.</summary>
public sealed class DemoRun : IDisposable
{
    internal CrbnRun Run { get; } = CrbnRun.Start("demo", [], addReference: false);

    public void Dispose() => Run.Dispose();
}

/// <summary>
/// <c>crbn demo --out DIR</c>: the whole pipeline on the bundled synthetic data: the deep-panel tumour with normal and RNA,
/// a copy-number loss against a panel of normals, and a batch summary of both.
/// </summary>
public sealed class DemoTests(DemoRun fixture) : IClassFixture<DemoRun>
{
    private CrbnRun Run => fixture.Run;

    [Fact]
    public void DemoWritesACompleteReportWithResistanceAndSplicingDetected()
    {
        Assert.True(Run.ExitCode == 0, Run.Stderr);
        foreach (string suffix in new[] { ".vcf.gz", ".vcf.gz.tbi", ".report.json", ".report.html" })
        {
            string path = Path.Combine(Run.OutDir, "DEMO_DEEP_TUMOR" + suffix);
            Assert.True(File.Exists(path) && new FileInfo(path).Length > 0, $"{path} missing or empty");
        }

        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Run.OutDir, "DEMO_DEEP_TUMOR.report.json")));
        JsonElement report = doc.RootElement;
        ReportContract.AssertComplete(report, "DEMO_DEEP_TUMOR", withRna: true);
        Assert.Equal("resistance_mechanism_detected", report.GetProperty("assessment").GetProperty("overall").GetString());
        Assert.Equal("detected", ReportContract.Exon10(report).GetProperty("status").GetString());

        // The demo builds a reference cohort from the cohort BAMs, so every biomarker has a percentile.
        foreach (JsonProperty gene in report.GetProperty("expression").GetProperty("genes").EnumerateObject())
        {
            Assert.InRange(gene.Value.GetProperty("percentile").GetDouble(), 0.0, 100.0);
        }

    }

    [Fact]
    public void DemoCallsTheCopyNumberLossAgainstItsPanelOfNormals()
    {
        Assert.True(Run.ExitCode == 0, Run.Stderr);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Run.OutDir, "DEMO_CN_LOSS_P80.report.json")));
        JsonElement crbn = doc.RootElement.GetProperty("copy_number").GetProperty("crbn");

        Assert.Equal("hemizygous_loss", crbn.GetProperty("state").GetString());
        Assert.InRange(crbn.GetProperty("log2_ratio").GetDouble(), -0.9, -0.55); // design: log2(0.6) = -0.737 at purity 0.8
        Assert.Equal("possible", doc.RootElement.GetProperty("assessment").GetProperty("overall").GetString());
    }

    [Fact]
    public void DemoWritesABatchSummaryOfBothSamples()
    {
        Assert.True(Run.ExitCode == 0, Run.Stderr);
        string[] rows = File.ReadAllLines(Path.Combine(Run.OutDir, "summary.tsv"));
        Assert.Equal(3, rows.Length);
        Assert.StartsWith("DEMO_DEEP_TUMOR\tcompleted\tresistance_mechanism_detected", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("DEMO_CN_LOSS_P80\tcompleted\tpossible", rows[2], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Run.OutDir, "summary.html")));
    }

    /// <summary>The summary printed on stdout uses the report's own vocabulary (OUTPUTS.md), not C# enum names.</summary>
    [Fact]
    public void DemoSummaryOnStdoutUsesTheContractVocabulary()
    {
        Assert.True(Run.ExitCode == 0, Run.Stderr);
        Assert.Contains("DEMO_DEEP_TUMOR: resistance_mechanism_detected", Run.Stdout, StringComparison.Ordinal);
        Assert.Contains("DEMO_CN_LOSS_P80: possible", Run.Stdout, StringComparison.Ordinal);
        Assert.Contains("[point_mutation]", Run.Stdout, StringComparison.Ordinal);
        Assert.Contains("[splicing]", Run.Stdout, StringComparison.Ordinal);
        Assert.Contains("[copy_number]", Run.Stdout, StringComparison.Ordinal);
    }

    [ToolFact("bcftools", "tabix")]
    public void DemoVcfPassesBcftoolsAndTabix()
    {
        string vcf = Path.Combine(Run.OutDir, "DEMO_DEEP_TUMOR.vcf.gz");
        VcfChecks.AssertPassesBcftools(vcf);
        VcfChecks.AssertTabixQueries(vcf);
    }
}
