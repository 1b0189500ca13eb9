using CrbnVariantCaller.Reporting.Html;
using CrbnVariantCaller.Reporting.Model;
using Xunit;

namespace CrbnVariantCaller.Reporting.Tests;

public sealed class HtmlReportTests
{
    private const string Hostile = "<script>alert(1)</script>&\"'";

    [Fact]
    public void EveryUserSuppliedStringIsEscaped()
    {
        SampleReport fixture = FullReportFixture.Build(Hostile);
        SampleReport report = fixture with
        {
            Variants = [fixture.Variants[0] with { HgvsP = "p.<img src=x onerror=alert(2)>" }, .. fixture.Variants.Skip(1)],
            Inputs = fixture.Inputs with { Files = [new InputFile("dna", "/data/<iframe>.bam")] },
            NotAssessable = [new NotAssessableItem("<b>bold</b>", "a & b")],
        };
        string html = HtmlReportWriter.Render(report);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bold", html, StringComparison.Ordinal);
        Assert.DoesNotContain("novel <b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;", html);
        Assert.Contains("p.&lt;img src=x onerror=alert(2)&gt;", html);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html);
        Assert.Contains("<title>CRBN report – &lt;script&gt;", html);
    }

    [Fact]
    public void ThePageIsSelfContainedWithInlinePlotsAndEverySection()
    {
        string html = HtmlReportWriter.Render(FullReportFixture.Build());

        foreach (string forbidden in new[] { "src=", "<link", "url(", "@import", "http:", "https:", "<script" })
        {
            Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        }

        // The only links are citations into the page's own reference list.
        Assert.All(System.Text.RegularExpressions.Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value), h => Assert.StartsWith("#ref-", h));

        Assert.Contains("<style>", html);
        foreach (string title in new[] { "Depth and limit of detection", "Variant allele fractions", "Sashimi plot of CRBN junctions", "Expression percentiles" })
        {
            Assert.Contains($"<title>{title}", html);
        }

        foreach (string id in new[] { "assessment", "variants", "known-residues", "qc", "copy-number", "splicing", "expression", "germline", "not-assessable", "inputs" })
        {
            Assert.Contains($"<section id=\"{id}\">", html);
        }

        Assert.Contains("p.Trp386Arg", html);
        Assert.Contains("resistance mechanism detected", html);
        Assert.Contains("Fallback: pileup ran on cpu because opencl failed", html);
        Assert.Equal(html.Split("<svg").Length - 1, html.Split("</svg>").Length - 1);
    }

    /// <summary>The splicing table shows the Δexon10 cohort (name, size, percentile, the cohort's PSI at the high percentile) when the report has one, and no cohort columns when it has none.</summary>
    [Fact]
    public void TheSplicingTableShowsTheExon10Cohort()
    {
        SampleReport report = FullReportFixture.Build();
        string splicing = Section(HtmlReportWriter.Render(report), "splicing");
        Assert.Contains("<th>lab cohort (--exon10-cohort)</th><th>cohort size</th><th>percentile in cohort</th><th>cohort PSI at p95</th>", splicing);
        Assert.Contains("<td>Newly diagnosed myeloma, institutional RNA-seq cohort 2024 (n=48)</td><td class=\"num\">48</td><td class=\"num\">87.5</td><td class=\"num\">0.31</td>", splicing);

        SampleReport without = report with { Splicing = report.Splicing with { CrbnExon10Skipping = report.Splicing.CrbnExon10Skipping with { Cohort = null } } };
        Assert.DoesNotContain("cohort", Section(HtmlReportWriter.Render(without), "splicing"), StringComparison.OrdinalIgnoreCase);
    }

    private static string Section(string html, string id)
    {
        int start = html.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, id);
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void SashimiArcsCarryTheJunctionCounts()
    {
        SampleReport report = FullReportFixture.Build();
        string html = HtmlReportWriter.Render(report);
        foreach (JunctionReport j in report.Splicing.Junctions)
        {
            Assert.Contains($"{j.Chrom}:{j.IntronStart}-{j.IntronEnd} {Net(j.Label)} {j.UniqueReads} unique reads", html);
        }

        static string Net(string? s) => System.Net.WebUtility.HtmlEncode(s ?? string.Empty);
    }

    /// <summary>The copy-number section gives the segment holding CRBN, the B-allele frequency and the purity, or why none was estimated.</summary>
    [Fact]
    public void CopyNumberSectionShowsSegmentAllelesAndPurityOrWhyNot()
    {
        string html = HtmlReportWriter.Render(FullReportFixture.Build());
        int start = html.IndexOf("<section id=\"copy-number\">", StringComparison.Ordinal);
        string section = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        Assert.Contains("chr3:2,000,001-4,500,000", section, StringComparison.Ordinal);
        Assert.Contains("0.012 (0.021)", section, StringComparison.Ordinal);
        Assert.Contains("48 (matched normal)", section, StringComparison.Ordinal);
        Assert.Contains("not estimated (not estimable: no segment", section, StringComparison.Ordinal);

        SampleReport given = FullReportFixture.Build();
        given = given with { CopyNumber = given.CopyNumber with { Crbn = given.CopyNumber.Crbn with { Purity = new CopyNumberPurity { Value = 0.4, Source = "given", Copies = 1, MinorCopies = 0, Confidence = 0.97 } } } };
        string withPurity = HtmlReportWriter.Render(given);
        Assert.Contains("0.4 (given)", withPurity, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">1 (0)</td>", withPurity, StringComparison.Ordinal);
    }
}
