using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Reporting.Compare;
using CrbnVariantCaller.Reporting.Model;
using Xunit;

namespace CrbnVariantCaller.Reporting.Tests;

public sealed class ReportComparerTests
{
    /// <summary>Values of R's fisher.test (two-sided) on the same tables.</summary>
    [Theory]
    [InlineData(3, 1, 1, 3, 0.4857)]   // the tea-tasting table
    [InlineData(1, 9, 11, 3, 0.002759)] // fisher.test(matrix(c(1, 11, 9, 3), 2))
    [InlineData(0, 0, 0, 0, 1.0)]
    [InlineData(10, 10, 10, 10, 1.0)]
    public void FisherExactMatchesR(int a, int b, int c, int d, double expected) =>
        Assert.Equal(expected, FisherExact.TwoSided(a, b, c, d), 4);

    private static SampleReport Report(string sample, params VariantReport[] variants) => new()
    {
        Sample = sample, GenomeBuild = GenomeBuild.GRCh38, Tool = new ToolInfo { Version = "t", Backend = "cpu", Device = "cpu" }, Variants = variants,
        LimitOfDetection = new LimitOfDetection { Chrom = "chr3", Positions = [new Position(3151038)], Depths = [400], MinVaf = [0.012] },
    };

    private static VariantReport W386R(int alt, int depth) => new()
    {
        Chrom = "chr3", Pos = new Position(3151038), Ref = "A", Alt = "G", Consequence = "missense_variant", Codon = 386, HgvsP = "p.Trp386Arg",
        AltReads = alt, Depth = depth, RefReads = depth - alt, Vaf = (double)alt / depth,
    };

    private static VariantReport H353R(int alt, int depth) => W386R(alt, depth) with { Pos = new Position(3152546), Codon = 353, HgvsP = "p.His353Arg", Ref = "T", Alt = "C" };

    [Fact]
    public void ANewPocketVariantIsAcquiredWithTheBaselineLimitOfDetection()
    {
        ComparisonReport c = new ReportComparer().Compare(Report("B"), Report("R", W386R(60, 400)));
        VariantComparison v = Assert.Single(c.Variants);
        Assert.Equal(VariantChange.New, v.Change);
        Assert.Equal("assumed_absent", v.Baseline.Source);
        Assert.Equal(400, v.Baseline.Depth);
        Assert.Equal(0.012, v.Baseline.LimitOfDetection);
        Assert.Equal(FindingLevel.ResistanceMechanism, v.Grade);
        Assert.Equal(ComparisonVerdict.Acquired, c.Verdict);
    }

    [Fact]
    public void ReMeasuredCountsReplaceTheAssumption()
    {
        var atBaseline = new Dictionary<VariantKey, AlleleCount> { [new VariantKey("chr3", 3151038, "A", "G")] = new(55, 400) };
        ComparisonReport c = new ReportComparer().Compare(Report("B"), Report("R", W386R(60, 400)), atBaseline);
        VariantComparison v = Assert.Single(c.Variants);
        Assert.Equal("remeasured_bam", v.Baseline.Source);
        Assert.Equal(VariantChange.Stable, v.Change); // 55/400 vs 60/400: not significant
        Assert.Equal(ComparisonVerdict.PresentFromBaseline, c.Verdict); // in the baseline reads at the same fraction, though not called there
    }

    [Fact]
    public void AStableLikelyVariantIsPresentFromBaselineAndAStableVusIsNone()
    {
        Assert.Equal(ComparisonVerdict.PresentFromBaseline, new ReportComparer().Compare(Report("B", W386R(40, 400)), Report("R", W386R(44, 400))).Verdict);
        ComparisonReport vus = new ReportComparer().Compare(Report("B", H353R(40, 400)), Report("R", H353R(44, 400)));
        Assert.Equal(FindingLevel.UncertainSignificance, Assert.Single(vus.Variants).Grade);
        Assert.Equal(ComparisonVerdict.None, vus.Verdict);
    }

    [Fact]
    public void ExpandedReducedAndLost()
    {
        Assert.Equal(VariantChange.Expanded, Assert.Single(new ReportComparer().Compare(Report("B", W386R(12, 400)), Report("R", W386R(120, 400))).Variants).Change);
        Assert.Equal(VariantChange.Reduced, Assert.Single(new ReportComparer().Compare(Report("B", W386R(120, 400)), Report("R", W386R(12, 400))).Variants).Change);
        ComparisonReport lost = new ReportComparer().Compare(Report("B", W386R(120, 400)), Report("R"));
        Assert.Equal(VariantChange.Lost, Assert.Single(lost.Variants).Change);
        Assert.Equal(ComparisonVerdict.None, lost.Verdict);
    }

    [Fact]
    public void Exon10RiseUsesTheNewcombeIntervalOfTheDifference()
    {
        static SampleReport WithPsi(string s, double psi, double lo, double hi) => Report(s) with
        {
            Splicing = new SplicingSection { CrbnExon10Skipping = new Exon10Skipping { Status = SplicingStatus.Detected, PsiSkipped = psi, CiLow = lo, CiHigh = hi, SkipReads = 10, InclusionReads = 80 } },
        };

        ComparisonReport risen = new ReportComparer().Compare(WithPsi("B", 0.03, 0.01, 0.09), WithPsi("R", 0.25, 0.16, 0.36));
        Assert.Equal("risen", risen.Exon10.Change);
        Assert.Equal(0.22, risen.Exon10.Difference!.Value, 6);
        Assert.Equal(0.22 - Math.Sqrt((0.09 * 0.09) + (0.06 * 0.06)), risen.Exon10.DifferenceCiLow!.Value, 6);
        Assert.Equal(ComparisonVerdict.Acquired, risen.Verdict);
        Assert.Equal("stable", new ReportComparer().Compare(WithPsi("B", 0.20, 0.12, 0.30), WithPsi("R", 0.25, 0.16, 0.36)).Exon10.Change);
    }

    [Fact]
    public void TheComparisonRoundTripsAndTheHtmlIsSelfContained()
    {
        ComparisonReport c = new ReportComparer().Compare(Report("B<1>"), Report("R", W386R(60, 400)));
        string dir = Directory.CreateTempSubdirectory("crbn-cmp-").FullName;
        try
        {
            (string json, string html) = ComparisonWriter.Write(c, dir);
            Assert.Equal("B_1__vs_R.compare.json", Path.GetFileName(json));
            using FileStream s = File.OpenRead(json);
            ComparisonReport back = ComparisonWriter.Read(s);
            Assert.Equal(c.Verdict, back.Verdict);
            Assert.Equal(c.Variants[0].Change, back.Variants[0].Change);
            string page = File.ReadAllText(html);
            Assert.Contains("B&lt;1&gt;", page);
            Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("http", page, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
