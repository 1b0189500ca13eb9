using CrbnVariantCaller.Core.Errors;
using CrbnVariantCaller.Reporting.Assessment;
using Xunit;

namespace CrbnVariantCaller.Reporting.Tests;

/// <summary>The Δexon10 cohort file of <c>--exon10-cohort</c>: its format, its percentiles, and the errors that name the line.</summary>
public sealed class Exon10CohortTests
{
    private static string Rows(int n, Func<int, string> psi) =>
        string.Concat(Enumerable.Range(1, n).Select(i => $"S{i}\t{psi(i)}\n"));

    [Fact]
    public void ReadsNameValuesAndSkipsNotAssessable()
    {
        string text = "# name: lab NDMM 2025\n# any comment\nsample\tpsi_skipped\n" + Rows(20, i => (i / 100.0).ToString(System.Globalization.CultureInfo.InvariantCulture)) + "S21\tNA\nS22\t\n";
        Exon10Cohort cohort = Exon10Cohort.Parse(text, "c.tsv", "c");
        Assert.Equal("lab NDMM 2025", cohort.Name);
        Assert.Equal(20, cohort.Count);
        // Hazen: the 95th percentile sits at order statistic 20 * 0.95 + 0.5 = 19.5, half-way between 0.19 and 0.20.
        Assert.Equal(0.195, cohort.Quantile(95), 12);
        Assert.Equal(97.5, cohort.Percentile(0.20), 12);
        Assert.Equal(100, cohort.Percentile(0.5), 12);
        Assert.Equal(0, cohort.Percentile(0.001), 12);
    }

    [Fact]
    public void WithoutANameLineTheFileNamesTheCohort()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("crbn-e10-").FullName, "ndmm_2025.tsv");
        File.WriteAllText(path, "psi_skipped\n" + string.Concat(Enumerable.Range(0, 25).Select(_ => "0.02\n")));
        Assert.Equal("ndmm_2025", Exon10Cohort.Read(path).Name);
    }

    [Theory]
    [InlineData("sample\tpsi\nS1\t0.1\n", "line 1: the header has no 'psi_skipped' column")]
    [InlineData("sample\tpsi_skipped\nS1\t0.1\nS2\tzero point one\n", "line 3: psi_skipped 'zero point one' is not a fraction between 0 and 1 (or NA)")]
    [InlineData("sample\tpsi_skipped\nS1\t1.5\n", "line 2: psi_skipped '1.5' is not a fraction between 0 and 1 (or NA)")]
    [InlineData("sample\tpsi_skipped\nS1\t0.1\textra\n", "line 2: 3 tab-separated fields, the header has 2")]
    [InlineData("# only comments\n", "no header row")]
    [InlineData("sample\tpsi_skipped\nS1\t0.1\nS2\t0.2\n", "2 PSI value(s); a Δexon10 cohort needs at least 20")]
    public void AMalformedFileIsRefusedNamingTheFileAndLine(string text, string problem)
    {
        InvalidInputFileException e = Assert.Throws<InvalidInputFileException>(() => Exon10Cohort.Parse(text, "cohorts/bad.tsv", "bad"));
        Assert.Equal("cohorts/bad.tsv", e.FilePath);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("cohorts/bad.tsv: ", e.ToUserMessage(), StringComparison.Ordinal);
    }
}
