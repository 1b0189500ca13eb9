using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Html.Svg;

/// <summary>Horizontal bars of variant allele fraction, one per variant, coloured by filter status and domain.</summary>
internal static class VafPlot
{
    private const double Width = 900, Left = 260, Right = 60, Row = 22, Top = 24;

    public static string? Render(IReadOnlyList<VariantReport> variants)
    {
        if (variants.Count == 0)
        {
            return null;
        }

        double max = Math.Max(0.05, variants.Max(v => v.Vaf));
        max = max > 0.5 ? 1 : Math.Min(1, Math.Ceiling(max * 20) / 20);
        double plotWidth = Width - Left - Right;
        SvgCanvas svg = new(Width, Top + (variants.Count * Row) + 30, "Variant allele fractions");
        for (int t = 0; t <= 4; t++)
        {
            double x = Left + (plotWidth * t / 4);
            svg.Line(x, Top - 4, x, Top + (variants.Count * Row), "grid").Text(x, Top - 8, (max * t / 4).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), "lbl small", "middle");
        }

        for (int i = 0; i < variants.Count; i++)
        {
            VariantReport v = variants[i];
            double y = Top + (i * Row);
            string label = v.HgvsP ?? v.HgvsC ?? $"{v.Chrom}:{v.Pos} {v.Ref}>{v.Alt}";
            string css = !v.IsPass ? "bar filtered" : v.InDrugBindingDomain ? "bar dbd" : "bar";
            svg.Text(Left - 6, y + 15, $"{label} ({v.Source.ToString().ToLowerInvariant()})", "lbl", "end")
               .Rect(Left, y + 3, plotWidth * Math.Min(1, v.Vaf / max), Row - 6, css, $"{label}: VAF {v.Vaf:0.####}, {v.AltReads}/{v.Depth} reads, {v.Filter}")
               .Text(Left + (plotWidth * Math.Min(1, v.Vaf / max)) + 4, y + 15, v.Vaf.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), "lbl small");
        }

        svg.Text(Left, Top + (variants.Count * Row) + 22, "red: drug-binding domain; grey: filtered", "lbl small");
        return svg.ToString();
    }
}
