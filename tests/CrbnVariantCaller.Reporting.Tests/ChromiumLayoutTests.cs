using System.Text.RegularExpressions;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Reporting.Compare;
using CrbnVariantCaller.Reporting.Html;
using CrbnVariantCaller.Reporting.Model;
using CrbnVariantCaller.Reporting.Output;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Reporting.Tests;

/// <summary>
/// Headless Chromium (Debian's /usr/bin/chromium) lays the pages out at 1400 px, and at an A4 print width with the
/// print stylesheet applied (portrait 720 px; the batch summary landscape, 1040 px): no element may stick out of its card, no table may need scrolling, the page may not
/// scroll sideways. A probe script is added to a copy of the page; <c>--dump-dom</c> returns what it found.
/// </summary>
public sealed class ChromiumLayoutTests : IDisposable
{
    private const string Probe = """
        <script>
        (function(){const bad=[];
        document.querySelectorAll('section').forEach(s=>{const r=s.getBoundingClientRect();
         s.querySelectorAll('*').forEach(e=>{const sc=e.closest('.scroll'); if(sc&&sc!==e) return; const b=e.getBoundingClientRect();
          if(b.width>0&&b.right>r.right+1) bad.push((s.id||'section')+':'+e.tagName)});});
        document.querySelectorAll('.scroll').forEach(d=>{if(d.scrollWidth>d.clientWidth+1) bad.push('scroll:'+((d.closest('section')||{}).id||'section')+':'+d.scrollWidth+'>'+d.clientWidth)});
        if(document.documentElement.scrollWidth>window.innerWidth+1) bad.push('page:'+document.documentElement.scrollWidth);
        document.body.setAttribute('data-overflow',bad.slice(0,20).join(' '));document.body.setAttribute('data-checked','yes');})();
        </script>
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("crbn-layout-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, int, bool> Pages => new()
    {
        { "report", 1400, false }, { "report", 720, true },
        { "summary", 1400, false }, { "summary", 1040, true }, // the summary prints on A4 landscape (277 mm)
        { "compare", 1400, false }, { "compare", 720, true },
    };

    [ToolTheory("chromium")]
    [MemberData(nameof(Pages))]
    public void NothingOverflowsItsCard(string page, int width, bool print)
    {
        string html = page switch
        {
            "report" => HtmlReportWriter.Render(FullReportFixture.Build()),
            "summary" => Summary(),
            _ => ComparisonWriter.RenderHtml(Comparison()),
        };
        if (print)
        {
            html = html.Replace("@media print{", "@media all{", StringComparison.Ordinal);
        }

        string path = Path.Combine(_dir, $"{page}.{width}.html");
        File.WriteAllText(path, html.Replace("</body>", Probe + "</body>", StringComparison.Ordinal));
        (int code, string dom, string stderr) = ExternalTool.TryRun("chromium", "--headless", "--no-sandbox", "--disable-gpu", $"--window-size={width},1000", "--dump-dom", "file://" + path);
        Assert.True(code == 0, stderr);
        Assert.Contains("data-checked=\"yes\"", dom);
        Match overflow = Regex.Match(dom, "data-overflow=\"([^\"]*)\"");
        Assert.True(overflow.Success, "the probe did not run");
        Assert.True(overflow.Groups[1].Value.Length == 0, $"{page} at {width} px{(print ? " (print)" : string.Empty)}: {overflow.Groups[1].Value}");
    }

    public static TheoryData<string> PrintedPages => new() { "report", "summary", "compare" };

    /// <summary>
    /// The page as a lab prints it: <c>chromium --print-to-pdf</c>, then poppler's <c>pdftotext</c>. Chromium clips
    /// whatever is wider than the paper, so a table that does not fit loses text: every letter and digit of the
    /// page's text must be on the paper (<c>pdftotext -bbox</c> also places every printed word inside the margins).
    /// </summary>
    [ToolTheory("chromium", "pdftotext")]
    [MemberData(nameof(PrintedPages))]
    public void PrintedPdfKeepsEveryWordOnThePaper(string page)
    {
        string html = page switch
        {
            "report" => HtmlReportWriter.Render(FullReportFixture.Build()),
            "summary" => Summary(),
            _ => ComparisonWriter.RenderHtml(Comparison()),
        };
        string path = Path.Combine(_dir, $"{page}.html");
        string pdf = Path.Combine(_dir, $"{page}.pdf");
        File.WriteAllText(path, html);
        (int code, _, string stderr) = ExternalTool.TryRun("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", $"--print-to-pdf={pdf}", "file://" + path);
        Assert.True(code == 0 && File.Exists(pdf), stderr);
        (code, string boxes, stderr) = ExternalTool.TryRun("pdftotext", "-bbox", pdf, "-");
        Assert.True(code == 0, stderr);

        Match size = Regex.Match(boxes, "<page width=\"([0-9.]+)\"");
        Assert.True(size.Success, "pdftotext found no page");
        double width = Pt(size.Groups[1].Value);
        const double Margin = 28; // 10 mm is 28.3 pt: the summary's margin, the smaller of the two
        var words = Regex.Matches(boxes, "<word xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" xMax=\"([0-9.]+)\" yMax=\"[0-9.]+\">([^<]*)</word>")
            .Select(m => (XMin: Pt(m.Groups[1].Value), XMax: Pt(m.Groups[2].Value), Text: System.Net.WebUtility.HtmlDecode(m.Groups[3].Value)))
            .ToList();
        Assert.All(words, w => Assert.True(w.XMin >= Margin - 1 && w.XMax <= width - Margin + 1, $"{page}: '{w.Text}' printed at x {w.XMin:0}-{w.XMax:0} of a {width:0}-pt page"));

        int onScreen = LettersAndDigits(System.Net.WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "(?s)<(style|script|title)[^>]*>.*?</\\1>", " "), "<[^>]+>", " ")));
        int onPaper = LettersAndDigits(string.Concat(words.Select(w => w.Text)));
        Assert.True(onScreen > 500, $"{page}: the page holds only {onScreen} letters and digits");
        Assert.True(onPaper >= onScreen, $"{page}: {onScreen - onPaper} of {onScreen} letters and digits did not reach the paper (clipped at the page edge)");
    }

    private static double Pt(string value) => double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    private static int LettersAndDigits(string text) => text.Count(char.IsAsciiLetterOrDigit);

    private string Summary()
    {
        SampleReport r = FullReportFixture.Build();
        BatchSampleOutcome[] outcomes =
        [
            new(r.Sample, BatchSampleStatus.Completed, r),
            new("SAMPLE_WITH_A_LONG_IDENTIFIER_0001", BatchSampleStatus.Completed, r with { Sample = "SAMPLE_WITH_A_LONG_IDENTIFIER_0001" }),
            new("broken", BatchSampleStatus.Failed, null, "broken.bam: not a BAM file (magic bytes are 1f 8b 08 00, a gzip file, not BGZF with the BAM magic)"),
        ];
        (_, string html) = BatchSummaryWriter.Write(outcomes, _dir);
        return File.ReadAllText(html);
    }

    private static ComparisonReport Comparison()
    {
        SampleReport r = FullReportFixture.Build();
        return new ReportComparer().Compare(r with { Sample = "BASELINE", Variants = r.Variants.Skip(2).ToList() }, r with { Sample = "RELAPSE" });
    }
}
