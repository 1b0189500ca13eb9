using System.Globalization;
using System.Text;
using System.Text.Json;
using CrbnVariantCaller.Formats.Output;
using CrbnVariantCaller.Reporting.Html;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Compare;

/// <summary>Writes <c>BASELINE_vs_RELAPSE.compare.json</c> and <c>.compare.html</c> together and atomically.</summary>
public static class ComparisonWriter
{
    /// <summary>The file stem of a comparison (both sample names made safe for a file name).</summary>
    public static string Stem(ComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"{Output.OutputNames.ForSample(report.Baseline).Stem}_vs_{Output.OutputNames.ForSample(report.Relapse).Stem}";
    }

    /// <summary>Writes both files into <paramref name="outDir"/>; returns their paths (JSON, HTML).</summary>
    public static (string Json, string Html) Write(ComparisonReport report, string outDir)
    {
        ArgumentNullException.ThrowIfNull(report);
        string dir = Path.GetFullPath(outDir);
        string json = Path.Combine(dir, Stem(report) + ".compare.json"), html = Path.Combine(dir, Stem(report) + ".compare.html");
        byte[] jsonBytes = JsonSerializer.SerializeToUtf8Bytes(report, ComparisonJsonContext.Default.ComparisonReport);
        byte[] htmlBytes = new UTF8Encoding(false).GetBytes(RenderHtml(report));
        new AtomicFileSet().Add(json, s => s.Write(jsonBytes)).Add(html, s => s.Write(htmlBytes)).Commit();
        return (json, html);
    }

    /// <summary>Reads a comparison back.</summary>
    public static ComparisonReport Read(Stream json) =>
        JsonSerializer.Deserialize(json, ComparisonJsonContext.Default.ComparisonReport) ?? throw new InvalidDataException("empty comparison document");

    /// <summary>The comparison as one self-contained HTML page.</summary>
    public static string RenderHtml(ComparisonReport c)
    {
        ArgumentNullException.ThrowIfNull(c);
        string E(string? s) => HtmlText.Escape(s);
        string verdict = Snake(c.Verdict.ToString());
        string badge = c.Verdict switch
        {
            ComparisonVerdict.Acquired => "resistance_mechanism_detected",
            ComparisonVerdict.PresentFromBaseline => "possible",
            _ => "none_detected",
        };
        var sb = new StringBuilder(16 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>CRBN baseline vs relapse – ").Append(E(c.Baseline)).Append(" vs ").Append(E(c.Relapse))
          .Append("</title>\n<style>\n").Append(HtmlStyles.Css).Append("\n</style>\n</head>\n<body>\n<header><h1>CRBN baseline vs relapse: ").Append(E(c.Baseline)).Append(" → ").Append(E(c.Relapse))
          .Append("</h1><div class=\"meta\">").Append(E(c.Tool)).Append(' ').Append(E(c.ToolVersion)).Append(" · schema ").Append(E(c.SchemaVersion)).Append("</div></header>\n<main>\n");
        sb.Append("<section id=\"verdict\"><h2>Verdict</h2><p class=\"overall\"><span class=\"badge ").Append(badge).Append("\">").Append(E(verdict.Replace('_', ' '))).Append("</span> ")
          .Append(E(c.VerdictReason)).Append("</p><p class=\"note\">Per-variant Fisher's exact test on alt/ref reads, two-sided, α = ").Append(Num(c.Alpha, "0.##")).Append(".</p></section>\n");

        sb.Append("<section id=\"variants\"><h2>CRBN variants at both time points</h2><div class=\"scroll\"><table><tr><th>variant</th><th>consequence</th><th>grade</th><th>baseline alt/depth</th><th>baseline VAF</th><th>relapse alt/depth</th><th>relapse VAF</th><th>Fisher p</th><th>change</th><th>baseline LoD</th><th>counts from</th></tr>");
        foreach (VariantComparison v in c.Variants)
        {
            sb.Append("<tr><td>").Append(E(v.DisplayName)).Append("<div class=\"note\">").Append(E($"{v.Chrom}:{v.Pos} {v.Ref}>{v.Alt}")).Append("</div></td><td>").Append(E(v.Consequence))
              .Append("</td><td>").Append(E(v.Grade is FindingLevel g ? Snake(g.ToString()).Replace('_', ' ') : "–"))
              .Append("</td><td class=\"num\">").Append(v.Baseline.AltReads).Append('/').Append(v.Baseline.Depth).Append("</td><td class=\"num\">").Append(Num(v.Baseline.Vaf, "0.####"))
              .Append("</td><td class=\"num\">").Append(v.Relapse.AltReads).Append('/').Append(v.Relapse.Depth).Append("</td><td class=\"num\">").Append(Num(v.Relapse.Vaf, "0.####"))
              .Append("</td><td class=\"num\">").Append(E(v.PValue.ToString("0.##e+0", CultureInfo.InvariantCulture))).Append("</td><td><b>").Append(E(Snake(v.Change.ToString())))
              .Append("</b></td><td class=\"num\">").Append(v.Baseline.Called ? "–" : Num(v.Baseline.LimitOfDetection, "0.####"))
              .Append("</td><td>").Append(E($"{v.Baseline.Source} / {v.Relapse.Source}")).Append("</td></tr>");
        }

        sb.Append("</table></div></section>\n");
        Exon10Comparison x = c.Exon10;
        sb.Append("<section id=\"exon10\"><h2>Δexon10 (CRBN exon 10 skipping)</h2><table><tr><th></th><th>PSI</th><th>95% CI</th><th>reads</th></tr><tr><td>baseline</td><td class=\"num\">")
          .Append(Num(x.BaselinePsi)).Append("</td><td class=\"num\">").Append(Num(x.BaselineCiLow)).Append('–').Append(Num(x.BaselineCiHigh)).Append("</td><td>").Append(E(x.BaselineReads))
          .Append("</td></tr><tr><td>relapse</td><td class=\"num\">").Append(Num(x.RelapsePsi)).Append("</td><td class=\"num\">").Append(Num(x.RelapseCiLow)).Append('–').Append(Num(x.RelapseCiHigh))
          .Append("</td><td>").Append(E(x.RelapseReads)).Append("</td></tr><tr><td>difference</td><td class=\"num\">").Append(Num(x.Difference)).Append("</td><td class=\"num\">")
          .Append(Num(x.DifferenceCiLow)).Append('–').Append(Num(x.DifferenceCiHigh)).Append("</td><td><b>").Append(E(x.Change)).Append("</b></td></tr></table><p class=\"note\">").Append(E(x.Method)).Append("</p></section>\n");
        CopyNumberComparison n = c.CopyNumber;
        ExpressionComparison ex = c.CrbnExpression;
        sb.Append("<section id=\"copy-number\"><h2>CRBN copy number and expression</h2><table><tr><th></th><th>copy number</th><th>log2 ratio</th><th>CRBN TPM</th><th>CRBN percentile</th></tr><tr><td>baseline</td><td>")
          .Append(E(Snake(n.Baseline.ToString()).Replace('_', ' '))).Append("</td><td class=\"num\">").Append(Num(n.BaselineLog2Ratio)).Append("</td><td class=\"num\">").Append(Num(ex.BaselineTpm, "0.##"))
          .Append("</td><td class=\"num\">").Append(Num(ex.BaselinePercentile, "0.#")).Append("</td></tr><tr><td>relapse</td><td>").Append(E(Snake(n.Relapse.ToString()).Replace('_', ' ')))
          .Append("</td><td class=\"num\">").Append(Num(n.RelapseLog2Ratio)).Append("</td><td class=\"num\">").Append(Num(ex.RelapseTpm, "0.##")).Append("</td><td class=\"num\">").Append(Num(ex.RelapsePercentile, "0.#"))
          .Append("</td></tr></table><p class=\"note\">Copy number: ").Append(E(n.Change.Replace('_', ' '))).Append(".</p></section>\n");
        if (c.Notes.Count > 0)
        {
            sb.Append("<section id=\"notes\"><h2>Notes</h2>");
            foreach (string note in c.Notes)
            {
                sb.Append("<div class=\"warn\">").Append(E(note)).Append("</div>");
            }

            sb.Append("</section>\n");
        }

        sb.Append("</main>\n<footer>Research use only. The machine-readable comparison is the JSON file beside this page.</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static string Num(double? v, string format = "0.###") => HtmlText.Number(v, format);

    private static string Snake(string pascal) => JsonNamingPolicy.SnakeCaseLower.ConvertName(pascal);
}
