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

/// <summary><c>crbn demo --out DIR</c>: the whole pipeline on the bundled synthetic data, one complete report.</summary>
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

        JsonElement report = Run.Report;
        ReportContract.AssertComplete(report, "DEMO_DEEP_TUMOR", withRna: true);
        Assert.Equal("resistance_mechanism_detected", report.GetProperty("assessment").GetProperty("overall").GetString());
        Assert.Equal("detected", ReportContract.Exon10(report).GetProperty("status").GetString());

        // The demo builds a reference cohort from the cohort BAMs, so every biomarker has a percentile.
        foreach (JsonProperty gene in report.GetProperty("expression").GetProperty("genes").EnumerateObject())
        {
            Assert.InRange(gene.Value.GetProperty("percentile").GetDouble(), 0.0, 100.0);
        }

    }

    /// <summary>
    /// The summary printed on stdout uses the report's own vocabulary (OUTPUTS.md), so a user can grep it for the same
    /// words the JSON holds. Today DemoCommand prints the C# enum names ("overall: ResistanceMechanismDetected",
    /// "[PointMutation]").
    /// </summary>
    [Fact]
    public void DemoSummaryOnStdoutUsesTheContractVocabulary()
    {
        Assert.True(Run.ExitCode == 0, Run.Stderr);
        Assert.Contains("overall: resistance_mechanism_detected", Run.Stdout, StringComparison.Ordinal);
        Assert.Contains("[point_mutation]", Run.Stdout, StringComparison.Ordinal);
        Assert.Contains("[splicing]", Run.Stdout, StringComparison.Ordinal);
    }

    [ToolFact("bcftools", "tabix")]
    public void DemoVcfPassesBcftoolsAndTabix()
    {
        string vcf = Path.Combine(Run.OutDir, "DEMO_DEEP_TUMOR.vcf.gz");
        VcfChecks.AssertPassesBcftools(vcf);
        VcfChecks.AssertTabixQueries(vcf);
    }
}
