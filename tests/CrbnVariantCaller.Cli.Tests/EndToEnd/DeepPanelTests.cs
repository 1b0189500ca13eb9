using System.Text.Json;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests.EndToEnd;

/// <summary>One <c>crbn call</c> of the 2000x deep-panel tumour with its 500x matched normal, shared by the facts below.</summary>
public sealed class DeepPanelRun : IDisposable
{
    internal CrbnRun Run { get; } = CrbnRun.Call(
        "--dna", CrbnRun.TestData("dna/deep_panel/DEEP_TUMOR.bam"),
        "--normal", CrbnRun.TestData("dna/deep_panel/DEEP_NORMAL.bam"));

    internal IReadOnlyList<TruthVariant> Truth { get; } = TruthVcf.Load("dna/deep_panel/DEEP_TUMOR.truth.vcf.gz");

    public void Dispose() => Run.Dispose();
}

/// <summary>
/// <c>crbn call --dna DEEP_TUMOR.bam --normal DEEP_NORMAL.bam</c> against the deep-panel truth set
/// (testdata/dna/deep_panel): somatic SNVs and indels at VAF 0.10 down to 0.005, PGx germline genotypes.
/// </summary>
public sealed class DeepPanelTests(DeepPanelRun fixture) : IClassFixture<DeepPanelRun>
{
    private CrbnRun Run => fixture.Run;

    private JsonElement Report => fixture.Run.Report;

    [Fact]
    public void WritesVcfIndexJsonAndHtmlNamedAfterTheReadGroupSample()
    {
        Assert.Equal(0, Run.ExitCode);
        Assert.Equal("DEEP_TUMOR", Run.Prefix);
        Assert.Equal(
            new[] { "DEEP_TUMOR.report.html", "DEEP_TUMOR.report.json", "DEEP_TUMOR.vcf.gz", "DEEP_TUMOR.vcf.gz.tbi" },
            Run.FilesWritten().Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReportHasEveryContractField()
    {
        ReportContract.AssertComplete(Report, "DEEP_TUMOR", withRna: false);
        Assert.Equal("not_assessable", ReportContract.Exon10(Report).GetProperty("status").GetString());
        Assert.Contains(
            Report.GetProperty("not_assessable").EnumerateArray(),
            item => item.GetProperty("what").GetString()!.Contains("exon 10", StringComparison.Ordinal));
    }

    [Fact]
    public void EverySomaticTruthVariantIsPassWithTheTruthAnnotation()
    {
        IReadOnlyList<TruthVariant> somatic = fixture.Truth.Where(t => t.IsSomatic).ToList();
        Assert.Equal(7, somatic.Count);
        var reported = ReportContract.Variants(Report).ToDictionary(v => v.Key, StringComparer.Ordinal);
        foreach (TruthVariant t in somatic)
        {
            Assert.True(reported.TryGetValue(t.Key, out ReportedVariant? v), $"{t.Info["LABEL"]} {t.Key} (VAF {t.DesignVaf}) not reported");
            Assert.True(v.IsPass, $"{t.Info["LABEL"]} filtered: {v.Filter}");
            Assert.Equal(t.Info["HGVSC"], v.HgvsC);
            Assert.Equal(t.Info["HGVSP"], v.HgvsP);
            Assert.Equal(t.Info["CSQ"], v.Consequence);
            Assert.Equal("dna", v.Source);

            // Codons 318-426 (CULT domain); INS1 (codon 294) and DEL3 (codon 90) lie outside.
            bool inCult = t.Info["LABEL"] is "R419X" or "C391R" or "W386R" or "W380G" or "H353R";
            Assert.Equal(inCult, v.InDrugBindingDomain);

            // The truth AF counts fragments, the caller reads after quality filters: both estimate the same fraction.
            Assert.InRange(v.Vaf, t.Af * 0.6, (t.Af * 1.4) + 0.002);
            Assert.InRange(v.Depth, 1500, 2600);
        }
    }

    [Fact]
    public void NoPassCrbnVariantIsMissingFromTheTruth()
    {
        var truthKeys = fixture.Truth.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<ReportedVariant> pass = ReportContract.PassCrbnVariants(Report);
        Assert.All(pass, v => Assert.True(truthKeys.Contains(v.Key), $"false positive {v.Key} {v.HgvsP} VAF {v.Vaf:0.####}"));

        // The germline synonymous E200E is in both tumour and normal: the normal filter must keep it out of PASS.
        ReportedVariant e200e = Assert.Single(ReportContract.Variants(Report), v => v.HgvsC == "c.600A>G");
        Assert.False(e200e.IsPass);
    }

    [Fact]
    public void ResistanceFindingsAreCitedAndTheOverallCallIsResistance()
    {
        JsonElement assessment = Report.GetProperty("assessment");
        Assert.Equal("resistance_mechanism_detected", assessment.GetProperty("overall").GetString());
        var pointMutations = assessment.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("category").GetString() == "point_mutation")
            .ToList();
        foreach (string protein in new[] { "p.Cys391Arg", "p.Trp386Arg", "p.Trp380Gly", "p.Arg419Ter", "p.Leu294CysfsTer18" })
        {
            JsonElement finding = Assert.Single(pointMutations, f => f.GetProperty("statement").GetString()!.Contains(protein, StringComparison.Ordinal));
            Assert.NotEmpty(finding.GetProperty("citations").EnumerateArray());
            Assert.All(finding.GetProperty("citations").EnumerateArray(), c => Assert.False(string.IsNullOrWhiteSpace(c.GetString())));
        }
    }

    [Fact]
    public void GermlineGenotypesEqualTheTruthPgxGenotypes() =>
        GermlineTruth.AssertGenotypesEqualTruth(Report, fixture.Truth);

    [Fact]
    public void QcReportsTheDeepCoverage()
    {
        JsonElement qc = Report.GetProperty("qc");
        Assert.InRange(qc.GetProperty("mean_depth").GetDouble(), 1500, 2600);
        Assert.Equal(1.0, qc.GetProperty("fraction_at_least_500x").GetDouble());
    }

    [Fact]
    public void AtTwoThousandXEveryCodingBaseCanShowFivePercentVaf()
    {
        JsonElement lod = Report.GetProperty("limit_of_detection");
        double target = lod.GetProperty("target_vaf").GetDouble();
        double[] minVaf = lod.GetProperty("min_vaf").EnumerateArray().Select(v => v.GetDouble()).ToArray();

        Assert.Equal(0.05, target);
        Assert.True(minVaf.Length > 1300, $"{minVaf.Length} positions");
        Assert.All(minVaf, v => Assert.InRange(v, 0.001, 0.02));
        Assert.Equal(minVaf.Count(v => v > target), lod.GetProperty("positions_above_target").GetInt32());
    }

    [ToolFact("bcftools")]
    public void VcfPassesBcftoolsViewAndNormCheckRef() => VcfChecks.AssertPassesBcftools(Run.Output(".vcf.gz"));

    [ToolFact("bcftools", "tabix")]
    public void TabixIndexAnswersRegionQueries() => VcfChecks.AssertTabixQueries(Run.Output(".vcf.gz"));

    [ToolFact("bcftools")]
    public void VcfPassRecordsEqualTheReportsPassVariantsAndGermlineSites()
    {
        var json = ReportContract.Variants(Report).Where(v => v.IsPass).Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        IReadOnlySet<string> vcf = VcfChecks.PassRecords(Run.Output(".vcf.gz"));
        Assert.Subset(vcf.ToHashSet(StringComparer.Ordinal), json.ToHashSet(StringComparer.Ordinal));
        Assert.All(vcf.Except(json), key => Assert.False(key.StartsWith("chr3:", StringComparison.Ordinal), $"{key} PASS in the VCF only"));
        Assert.Equal(5, vcf.Count(k => !k.StartsWith("chr3:", StringComparison.Ordinal)));
    }
}
