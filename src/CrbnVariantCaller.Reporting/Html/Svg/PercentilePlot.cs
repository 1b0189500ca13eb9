using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Html.Svg;

/// <summary>One bar per gene from 0 to 100 with the sample's percentile marked and the quartiles drawn.</summary>
internal static class PercentilePlot
{
    private const double Width = 900, Left = 110, Right = 150, Row = 24, Top = 24;

    public static string? Render(IReadOnlyDictionary<string, GeneExpression> genes)
    {
        if (genes.Count == 0)
        {
            return null;
        }

        List<KeyValuePair<string, GeneExpression>> rows = [.. genes.OrderBy(g => g.Key, StringComparer.Ordinal)];
        double plotWidth = Width - Left - Right;
        SvgCanvas svg = new(Width, Top + (rows.Count * Row) + 10, "Expression percentiles against the reference cohort");
        foreach (int q in new[] { 0, 25, 50, 75, 100 })
        {
            double x = Left + (plotWidth * q / 100.0);
            svg.Line(x, Top - 4, x, Top + (rows.Count * Row), q is 25 or 75 ? "quartile" : "grid").Text(x, Top - 8, q.ToString(System.Globalization.CultureInfo.InvariantCulture), "lbl small", "middle");
        }

        for (int i = 0; i < rows.Count; i++)
        {
            (string gene, GeneExpression e) = (rows[i].Key, rows[i].Value);
            double y = Top + (i * Row);
            svg.Text(Left - 6, y + 15, gene, "lbl", "end").Rect(Left, y + 6, plotWidth, Row - 12, "track");
            string tpm = e.Tpm is double t ? $"TPM {t:0.#}" : $"counts {e.Counts:0}";
            if (e.Percentile is double p)
            {
                double x = Left + (plotWidth * Math.Clamp(p, 0, 100) / 100);
                svg.Rect(Left, y + 6, x - Left, Row - 12, p <= 25 ? "bar low" : p >= 75 ? "bar high" : "bar", $"{gene}: percentile {p:0.#}, {tpm}")
                   .Text(Width - Right + 6, y + 15, $"p{p:0} · {tpm}", "lbl small");
            }
            else
            {
                svg.Text(Width - Right + 6, y + 15, $"no cohort · {tpm}", "lbl small");
            }
        }

        return svg.ToString();
    }
}
