using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Html.Svg;

/// <summary>
/// Depth over the CRBN coding bases (in transcript order, exon boundaries marked) above the smallest detectable VAF at
/// each base, with the target VAF as a dashed line: bases above the line cannot show a variant at the target VAF.
/// </summary>
internal static class DepthPlot
{
    private const double Width = 900, Left = 60, Right = 10, PanelHeight = 140, Gap = 40, Top = 20;

    public static string? Render(LimitOfDetection lod, TranscriptModel? transcript)
    {
        int n = Math.Min(lod.Positions.Count, lod.Depths.Count);
        if (n == 0)
        {
            return null;
        }

        // Transcript order: CRBN is on the minus strand, so c.1 is the highest genomic position.
        int[] order = Enumerable.Range(0, n).ToArray();
        if (transcript?.Strand == Core.Coordinates.Strand.Minus)
        {
            Array.Reverse(order);
        }

        double plotWidth = Width - Left - Right;
        double X(int i) => Left + (plotWidth * i / Math.Max(1, n - 1));
        double maxDepth = Math.Max(1, order.Max(i => lod.Depths[i]));
        double depthTop = Top, depthBottom = Top + PanelHeight;
        double vafTop = depthBottom + Gap, vafBottom = vafTop + PanelHeight;
        double maxVaf = Math.Max(lod.TargetVaf ?? 0, order.Select(i => i < lod.MinVaf.Count ? lod.MinVaf[i] ?? 0 : 0).DefaultIfEmpty(0).Max());
        maxVaf = Math.Min(1, Math.Max(0.01, maxVaf * 1.1));

        SvgCanvas svg = new(Width, vafBottom + 30, "Depth and limit of detection over the CRBN coding bases");
        svg.Line(Left, depthBottom, Width - Right, depthBottom, "axis").Line(Left, depthTop, Left, depthBottom, "axis")
           .Text(Left - 5, depthTop + 10, $"{maxDepth:0}", "lbl", "end").Text(Left - 5, depthBottom, "0", "lbl", "end")
           .Text(Left, depthTop - 6, "depth (reads)", "lbl");
        svg.Polyline(order.Select((idx, i) => (X(i), depthBottom - (PanelHeight * lod.Depths[idx] / maxDepth))), "depth");

        svg.Line(Left, vafBottom, Width - Right, vafBottom, "axis").Line(Left, vafTop, Left, vafBottom, "axis")
           .Text(Left - 5, vafTop + 10, maxVaf.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), "lbl", "end")
           .Text(Left - 5, vafBottom, "0", "lbl", "end")
           .Text(Left, vafTop - 6, "smallest detectable VAF (limit of detection)", "lbl");
        svg.Polyline(
            order.Select((idx, i) => (X(i), vafBottom - (PanelHeight * Math.Min(maxVaf, idx < lod.MinVaf.Count ? lod.MinVaf[idx] ?? maxVaf : maxVaf) / maxVaf))),
            "lod");
        if (lod.TargetVaf is double target)
        {
            double y = vafBottom - (PanelHeight * target / maxVaf);
            svg.Line(Left, y, Width - Right, y, "target").Text(Width - Right, y - 4, $"target VAF {target:0.###}", "lbl", "end");
        }

        if (transcript is not null)
        {
            int? previous = null;
            for (int i = 0; i < n; i++)
            {
                int? exon = transcript.ExonAt(lod.Positions[order[i]])?.Number;
                if (exon != previous && exon is int e)
                {
                    svg.Line(X(i), depthTop, X(i), vafBottom, "exon-edge").Text(X(i) + 2, vafBottom + 14, $"e{e}", "lbl small");
                }

                previous = exon;
            }
        }

        svg.Text(Left + (plotWidth / 2), vafBottom + 28, "CRBN coding bases, c.1 to the stop codon", "lbl", "middle");
        return svg.ToString();
    }
}
