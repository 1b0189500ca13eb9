using CrbnVariantCaller.Formats.Output;
using System.Globalization;
using System.Text;
using CrbnVariantCaller.Reporting.Html;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Output;

/// <summary>
/// Writes the batch files of the output contract, <c>summary.tsv</c> and <c>summary.html</c>: one row per sample with its
/// status, overall assessment, key findings and QC. Both files are written atomically.
/// </summary>
public static class BatchSummaryWriter
{
    /// <summary>File name of the tab-separated summary.</summary>
    public const string TsvName = "summary.tsv";

    /// <summary>File name of the HTML summary.</summary>
    public const string HtmlName = "summary.html";

    /// <summary>The TSV columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "sample", "status", "overall", "key_findings", "pass_variants", "exon10_status", "psi_skipped", "psi_ci",
        "copy_number", "crbn_percentile", "mean_depth", "fraction_100x", "fraction_500x", "duplicate_rate",
        "not_assessable", "backend", "error",
    ];

    /// <summary>Columns whose values are numbers: right-aligned and never wrapped inside.</summary>
    private static readonly HashSet<string> NumericColumns =
        ["psi_skipped", "psi_ci", "crbn_percentile", "mean_depth", "fraction_100x", "fraction_500x", "duplicate_rate", "not_assessable"];

    /// <summary>Writes both files into <paramref name="outDir"/> and returns their paths (TSV, HTML).</summary>
    public static (string Tsv, string Html) Write(IReadOnlyList<BatchSampleOutcome> samples, string outDir)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        string dir = Path.GetFullPath(outDir);
        List<string[]> rows = samples.Select(Row).ToList();
        byte[] tsv = new UTF8Encoding(false).GetBytes(RenderTsv(rows));
        byte[] html = new UTF8Encoding(false).GetBytes(RenderHtml(rows));
        string tsvPath = Path.Combine(dir, TsvName), htmlPath = Path.Combine(dir, HtmlName);
        new AtomicFileSet().Add(tsvPath, s => s.Write(tsv)).Add(htmlPath, s => s.Write(html)).Commit();
        return (tsvPath, htmlPath);
    }

    /// <summary>The summary row of one sample, in <see cref="Columns"/> order.</summary>
    public static string[] Row(BatchSampleOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        string status = Snake(outcome.Status.ToString());
        if (outcome.Report is not SampleReport r)
        {
            return [outcome.Sample, status, "", "", "", "", "", "", "", "", "", "", "", "", "", "", outcome.Error ?? ""];
        }

        string findings = KeyFindings(r.Assessment);
        string variants = string.Join(", ", r.Variants.Where(v => v.IsPass)
            .Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.HgvsP ?? v.HgvsC ?? $"{v.Chrom}:{v.Pos}{v.Ref}>{v.Alt}"} ({v.Vaf:0.###}, {v.Source.ToString().ToLowerInvariant()})")));
        Exon10Skipping e10 = r.Splicing.CrbnExon10Skipping;
        r.Expression.Genes.TryGetValue("CRBN", out GeneExpression? crbn);
        return
        [
            r.Sample, status, Snake(r.Assessment.Overall.ToString()), findings, variants,
            Snake(e10.Status.ToString()), Num(e10.PsiSkipped), e10.CiLow is null ? "" : $"{Num(e10.CiLow)}-{Num(e10.CiHigh)}",
            Snake(r.CopyNumber.Crbn.Call.ToString()), Num(crbn?.Percentile, "0.#"), Num(r.Qc.MeanDepth, "0.#"),
            Num(r.Qc.FractionAtLeast100x, "0.####"), Num(r.Qc.FractionAtLeast500x, "0.####"), Num(r.Qc.DuplicateRate, "0.####"),
            r.NotAssessable.Count.ToString(CultureInfo.InvariantCulture), r.Tool.Backend, outcome.Error ?? "",
        ];
    }

    /// <summary>
    /// The key-findings cell: one short line per finding that raises the overall call (likely or possible mechanisms),
    /// joined with <c> · </c>, for example <c>p.Trp386Arg 5.0% · Δexon10 PSI 0.08 · CN loss (one copy)</c>; <c>none</c> when there is none.
    /// </summary>
    public static string KeyFindings(AssessmentResult assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        string[] lines = assessment.Findings
            .Where(f => f.Level is FindingLevel.ResistanceMechanism or FindingLevel.Possible)
            .Select(f => f.ShortLabel ?? (f.Statement.Length <= 60 ? f.Statement : f.Statement[..57] + "..."))
            .ToArray();
        return lines.Length == 0 ? "none" : string.Join(KeySeparator, lines);
    }

    private const string KeySeparator = " · ";

    private static string RenderTsv(List<string[]> rows)
    {
        StringBuilder sb = new();
        sb.AppendJoin('\t', Columns).Append('\n');
        foreach (string[] row in rows)
        {
            sb.AppendJoin('\t', row.Select(Cell)).Append('\n');
        }

        return sb.ToString();
    }

    private static string RenderHtml(List<string[]> rows)
    {
        StringBuilder sb = new();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>CRBN batch summary</title>\n<style>\n")
          .Append(HtmlStyles.Css).Append(HtmlStyles.SummaryCss).Append("\n</style>\n</head>\n<body>\n<header><h1>CRBN batch summary</h1><div class=\"meta\">")
          .Append(rows.Count).Append(" sample(s), ").Append(rows.Count(r => r[1] == "failed")).Append(" failed</div></header>\n<main class=\"wide\"><section><div class=\"scroll\"><table class=\"summary\"><tr>");
        foreach (string c in Columns)
        {
            sb.Append("<th>").Append(HtmlText.Escape(c.Replace('_', ' '))).Append("</th>");
        }

        sb.Append("</tr>");
        foreach (string[] row in rows)
        {
            sb.Append("<tr>");
            for (int i = 0; i < row.Length; i++)
            {
                string cell = HtmlText.Escape(row[i]);
                string wrappable = HtmlText.EscapeWrappable(row[i]);
                string content = Columns[i] switch
                {
                    "overall" when row[i].Length > 0 => $"<span class=\"badge {cell}\">{cell.Replace('_', ' ')}</span>",
                    "sample" when row[1] != "failed" => $"<a href=\"{HtmlText.Escape(Uri.EscapeDataString(OutputNames.ForSample(row[0]).Html))}\">{wrappable}</a>",
                    "key_findings" => string.Join("<br>", row[i].Split(KeySeparator).Select(HtmlText.Escape)),
                    _ => wrappable,
                };
                sb.Append(NumericColumns.Contains(Columns[i]) ? "<td class=\"num\">" : "<td>").Append(content).Append("</td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("</table></div></section></main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static string Cell(string value) => value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    private static string Num(double? value, string format = "0.###") => value is double d ? d.ToString(format, CultureInfo.InvariantCulture) : "";

    private static string Snake(string pascal) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(pascal);
}
