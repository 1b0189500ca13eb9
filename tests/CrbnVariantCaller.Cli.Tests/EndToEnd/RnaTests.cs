using System.Collections.Concurrent;
using System.Text.Json;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.EndToEnd;

/// <summary><c>crbn call --rna</c> runs on the RNA truth samples, each run once and shared by the facts of <see cref="RnaTests"/>.</summary>
public sealed class RnaRuns : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<CrbnRun>> _runs = new(StringComparer.Ordinal);

    /// <summary>The run of <c>testdata/rna/SAMPLE.bam</c> (e.g. <c>exon10_psi/RNA_PSI020</c>).</summary>
    internal CrbnRun Of(string sample) =>
        _runs.GetOrAdd(sample, s => new Lazy<CrbnRun>(() => CrbnRun.Call("--rna", CrbnRun.TestData($"rna/{s}.bam")))).Value;

    public void Dispose()
    {
        foreach (Lazy<CrbnRun> run in _runs.Values.Where(r => r.IsValueCreated))
        {
            run.Value.Dispose();
        }
    }
}

/// <summary>
/// RNA-only calls against testdata/rna: CRBN Δexon10 psi against the simulated junction reads, the 0.0 and low-depth
/// samples, and the expressed W386R.
/// </summary>
public sealed class RnaTests(RnaRuns runs) : IClassFixture<RnaRuns>
{
    /// <summary>
    /// |psi_skipped − truth| ≤ 0.03 wherever the BAM holds ≥ 100 exon-10 junction reads (all four samples). The truth
    /// psi is skip / (skip + inclusion / 2) over <c>junction_reads_simulated</c>: the reads the generator drew across
    /// each junction with an 8-base anchor, counted by read origin before alignment. <c>junction_reads_in_bam</c> is not
    /// the truth: it also counts hisat2's 1–2 base overhangs threaded across the junctions (testdata/README), which a
    /// caller must reject.
    /// </summary>
    [Theory]
    [InlineData("RNA_PSI000")]
    [InlineData("RNA_PSI005")]
    [InlineData("RNA_PSI020")]
    [InlineData("RNA_PSI045")]
    public void PsiSkippedMatchesTheTruthJunctionReads(string sample)
    {
        (int inBam, double truthPsi) = JunctionTruth("rna/exon10_psi/truth.json", sample);
        Assert.True(inBam >= 100, $"{sample}: only {inBam} junction reads in the BAM");

        JsonElement exon10 = ReportContract.Exon10(runs.Of($"exon10_psi/{sample}").Report);
        double psi = exon10.GetProperty("psi_skipped").GetDouble();
        Assert.True(Math.Abs(psi - truthPsi) <= 0.03, $"{sample}: psi_skipped {psi:0.0000}, truth {truthPsi:0.0000}");

        // The reported counts and interval are those of the reported psi.
        int skip = exon10.GetProperty("skip_reads").GetInt32();
        int inclusion = exon10.GetProperty("inclusion_reads").GetInt32();
        Assert.Equal(skip / (skip + (inclusion / 2.0)), psi, 9);
        Assert.InRange(psi, exon10.GetProperty("ci_low").GetDouble(), exon10.GetProperty("ci_high").GetDouble());
    }

    [Theory]
    [InlineData("RNA_PSI005")]
    [InlineData("RNA_PSI020")]
    [InlineData("RNA_PSI045")]
    public void SkippingIsDetectedAndGradedPossibleWithItsComputedProteinChange(string sample)
    {
        // Δexon10 is seen at diagnosis too: without a cohort reference or a baseline it is "possible" (issue #13, fix 2).
        JsonElement report = runs.Of($"exon10_psi/{sample}").Report;
        JsonElement exon10 = ReportContract.Exon10(report);
        Assert.Equal("detected", exon10.GetProperty("status").GetString());
        Assert.Equal("p.(Ser339_Gly383delinsArg)", exon10.GetProperty("protein_change").GetString());
        Assert.Equal("possible", report.GetProperty("assessment").GetProperty("overall").GetString());
        JsonElement finding = Assert.Single(report.GetProperty("assessment").GetProperty("findings").EnumerateArray(), f => f.GetProperty("category").GetString() == "splicing");
        Assert.Equal("III", finding.GetProperty("tier").GetString());
        Assert.Contains("p.(Ser339_Gly383delinsArg)", finding.GetProperty("statement").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PsiZeroSampleIsNotDetected()
    {
        JsonElement report = runs.Of("exon10_psi/RNA_PSI000").Report;
        ReportContract.AssertComplete(report, "RNA_PSI000", withRna: true);
        JsonElement exon10 = ReportContract.Exon10(report);
        Assert.Equal("not_detected", exon10.GetProperty("status").GetString());
        Assert.True(exon10.GetProperty("ci_high").GetDouble() < 0.1);
        Assert.Equal("none_detected", report.GetProperty("assessment").GetProperty("overall").GetString());
        Assert.Empty(ReportContract.PassCrbnVariants(report));
    }

    [Fact]
    public void LowDepthSampleIsNotAssessableOrCarriesAWideInterval()
    {
        JsonElement report = runs.Of("low_depth/RNA_LOWDEPTH").Report;
        ReportContract.AssertComplete(report, "RNA_LOWDEPTH", withRna: true);
        JsonElement exon10 = ReportContract.Exon10(report);
        string status = exon10.GetProperty("status").GetString()!;
        if (status == "not_assessable")
        {
            Assert.Contains(report.GetProperty("not_assessable").EnumerateArray(), i => i.GetProperty("what").GetString()!.Contains("exon 10", StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal("detected", status);
            Assert.True(exon10.GetProperty("ci_high").GetDouble() - exon10.GetProperty("ci_low").GetDouble() > 0.3);
        }

        Assert.NotEqual("not_detected", status);
    }

    [Fact]
    public void ExpressedW386RIsReportedFromRna()
    {
        JsonElement report = runs.Of("expressed_snv/RNA_SNV").Report;
        ReportContract.AssertComplete(report, "RNA_SNV", withRna: true);
        TruthVariant truth = Assert.Single(TruthVcf.Load("rna/expressed_snv/RNA_SNV.truth.vcf.gz"));

        ReportedVariant v = Assert.Single(ReportContract.PassCrbnVariants(report));
        Assert.Equal(truth.Key, v.Key);
        Assert.Equal("rna", v.Source);
        Assert.Equal("c.1156T>C", v.HgvsC);
        Assert.Equal("p.Trp386Arg", v.HgvsP);
        Assert.Equal("missense_variant", v.Consequence);
        Assert.True(v.InDrugBindingDomain);
        Assert.InRange(v.Vaf, truth.Af - 0.1, truth.Af + 0.1);
        Assert.Equal("resistance_mechanism_detected", report.GetProperty("assessment").GetProperty("overall").GetString());
    }

    [Fact]
    public void RnaOnlyCallReportsExpressionWithoutPercentilesAndSaysWhy()
    {
        JsonElement report = runs.Of("exon10_psi/RNA_PSI020").Report;
        ReportContract.AssertComplete(report, "RNA_PSI020", withRna: true);
        JsonElement genes = report.GetProperty("expression").GetProperty("genes");
        foreach (string gene in new[] { "CRBN", "IKZF1", "IKZF3", "BSG", "SLC16A1", "ADAR", "MIR22HG", "MYC" })
        {
            JsonElement g = genes.GetProperty(gene);
            Assert.True(g.GetProperty("counts").GetDouble() > 0, gene);
            Assert.Equal(JsonValueKind.Null, g.GetProperty("percentile").ValueKind);
        }

        Assert.Contains(report.GetProperty("not_assessable").EnumerateArray(), i => i.GetProperty("what").GetString()!.Contains("percentile", StringComparison.Ordinal));
        Assert.Contains(report.GetProperty("not_assessable").EnumerateArray(), i => i.GetProperty("what").GetString()!.Contains("DNA", StringComparison.Ordinal));
    }

    /// <summary>Junction reads in the BAM, and the truth psi over the simulated junction reads.</summary>
    private static (int InBam, double Psi) JunctionTruth(string truthJson, string sample)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(CrbnRun.TestData(truthJson)));
        JsonElement crbn = doc.RootElement.GetProperty("samples").EnumerateArray()
            .Single(s => s.GetProperty("sample").GetString() == sample)
            .GetProperty("crbn");
        static (int Skip, int Inclusion) Counts(JsonElement j) => (
            j.GetProperty("exon9_exon11_skip").GetInt32(),
            j.GetProperty("exon9_exon10").GetInt32() + j.GetProperty("exon10_exon11").GetInt32());

        (int bamSkip, int bamInclusion) = Counts(crbn.GetProperty("junction_reads_in_bam"));
        (int skip, int inclusion) = Counts(crbn.GetProperty("junction_reads_simulated"));
        return (bamSkip + bamInclusion, skip / (skip + (inclusion / 2.0)));
    }
}
