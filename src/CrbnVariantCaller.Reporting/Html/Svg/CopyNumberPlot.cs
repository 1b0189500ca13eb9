using System.Globalization;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Html.Svg;

/// <summary>
/// The copy-number plot of the CRBN contig: bin log2 ratios (points) with the segments (lines) and the CRBN position
/// above, and the B-allele frequency at heterozygous SNPs below.
/// </summary>
internal static class CopyNumberPlot
{
    private const double Width = 900, Left = 50, Right = 20, Top = 20, Log2Height = 200, Gap = 30, BafHeight = 110;
    private const double Log2Min = -2.5, Log2Max = 1.5;

    public static string? Render(CopyNumberSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (section.Plot is not { BinPositions.Count: > 0 } plot)
        {
            return null;
        }

        double from = Math.Min(plot.BinPositions[0], section.Segments.Count > 0 ? section.Segments.Min(s => s.Start) : int.MaxValue);
        double to = Math.Max(plot.BinPositions[^1], section.Segments.Count > 0 ? section.Segments.Max(s => s.End) : 0);
        double plotWidth = Width - Left - Right;
        double X(double position) => Left + (plotWidth * (position - from) / Math.Max(1, to - from));
        double Y(double log2) => Top + (Log2Height * (Log2Max - Math.Clamp(log2, Log2Min, Log2Max)) / (Log2Max - Log2Min));
        double bafTop = Top + Log2Height + Gap;
        double YB(double baf) => bafTop + (BafHeight * (1 - baf));

        SvgCanvas svg = new(Width, bafTop + BafHeight + 36, $"Copy number on {plot.Chrom}: log2 ratio with segments, and B-allele frequency");
        svg.Rect(Left, Top, plotWidth, Log2Height, "track").Rect(Left, bafTop, plotWidth, BafHeight, "track");
        foreach (double tick in new[] { -2.0, -1.0, 0.0, 1.0 })
        {
            svg.Line(Left, Y(tick), Left + plotWidth, Y(tick), tick == 0 ? "quartile" : "grid").Text(Left - 6, Y(tick) + 4, tick.ToString("0", CultureInfo.InvariantCulture), "lbl small", "end");
        }

        foreach (double tick in new[] { 0.0, 0.5, 1.0 })
        {
            svg.Line(Left, YB(tick), Left + plotWidth, YB(tick), tick == 0.5 ? "quartile" : "grid").Text(Left - 6, YB(tick) + 4, tick.ToString("0.0", CultureInfo.InvariantCulture), "lbl small", "end");
        }

        svg.Text(Left, Top - 6, "log2 ratio", "lbl small").Text(Left, bafTop - 6, "B-allele frequency (heterozygous SNPs)", "lbl small");
        if (section.Crbn.Segment is { } crbn)
        {
            double x = X((crbn.Start + crbn.End) / 2.0);
            svg.Line(X(crbn.Start), Top, X(crbn.Start), bafTop + BafHeight, "exon-edge").Line(X(crbn.End), Top, X(crbn.End), bafTop + BafHeight, "exon-edge")
               .Text(x, Top + 12, "CRBN segment", "lbl small", "middle");
        }

        for (int i = 0; i < plot.BinPositions.Count; i++)
        {
            svg.Rect(X(plot.BinPositions[i]) - 1.5, Y(plot.BinLog2[i]) - 1.5, 3, 3, "bar");
        }

        foreach (CopyNumberSegmentReport s in section.Segments)
        {
            svg.Path(
                string.Create(CultureInfo.InvariantCulture, $"M{X(s.Start):0.#},{Y(s.Log2Ratio):0.#}H{X(s.End):0.#}"),
                "lod",
                3,
                $"{s.Chrom}:{s.Start}-{s.End}: log2 {s.Log2Ratio:0.###} over {s.Bins} bins");
        }

        for (int i = 0; i < plot.SnpPositions.Count; i++)
        {
            svg.Rect(X(plot.SnpPositions[i]) - 1.5, YB(plot.SnpBaf[i]) - 1.5, 3, 3, "bar high", $"{plot.Chrom}:{plot.SnpPositions[i]} BAF {plot.SnpBaf[i]:0.###}");
        }

        svg.Text(Left, bafTop + BafHeight + 16, $"{plot.Chrom}:{from:N0}", "lbl small").Text(Left + plotWidth, bafTop + BafHeight + 16, $"{to:N0}", "lbl small", "end")
           .Text(Left + (plotWidth / 2), bafTop + BafHeight + 30, "blue: bins; purple: segments; orange: SNP BAF; grey lines: the CRBN segment's breakpoints", "lbl small", "middle");
        return svg.ToString();
    }
}
