using CrbnVariantCaller.Core.Transcripts;
using CrbnVariantCaller.Reporting.Model;

namespace CrbnVariantCaller.Reporting.Html.Svg;

/// <summary>
/// A sashimi-style plot: CRBN exons as boxes on a genomic axis with introns shrunk to a fixed width, and one arc per
/// junction whose thickness grows with its read count. Annotated junctions arc above the exons, others (skips and novel
/// junctions) below, each labelled with its count.
/// </summary>
internal static class SashimiPlot
{
    private const double Width = 900, Left = 20, Right = 20, AxisY = 150, ExonHeight = 18, IntronWidth = 24;

    public static string? Render(IReadOnlyList<JunctionReport> junctions, TranscriptModel transcript)
    {
        if (junctions.Count == 0)
        {
            return null;
        }

        List<Exon> exons = [.. transcript.Exons.OrderBy(e => e.Interval.Start.Value)];
        double exonBases = exons.Sum(e => e.Length);
        double exonScale = (Width - Left - Right - (IntronWidth * (exons.Count + 1))) / exonBases;

        // Piecewise-linear genomic → x: exons in proportion to their length, introns (and the flanks) fixed width.
        List<(double Genomic, double X)> knots = [];
        double x = Left + IntronWidth;
        foreach (Exon e in exons)
        {
            knots.Add((e.Interval.Start.Value, x));
            x += e.Length * exonScale;
            knots.Add((e.Interval.End.Value + 1, x));
            x += IntronWidth;
        }

        double ToX(double g)
        {
            if (g <= knots[0].Genomic)
            {
                return Math.Max(Left, knots[0].X - (IntronWidth * Math.Min(1, (knots[0].Genomic - g) / 5000.0)));
            }

            for (int i = 1; i < knots.Count; i++)
            {
                if (g <= knots[i].Genomic)
                {
                    (double g0, double x0) = knots[i - 1];
                    (double g1, double x1) = knots[i];
                    return x0 + ((x1 - x0) * (g - g0) / Math.Max(1, g1 - g0));
                }
            }

            return Math.Min(Width - Right, knots[^1].X + (IntronWidth * Math.Min(1, (g - knots[^1].Genomic) / 5000.0)));
        }

        SvgCanvas svg = new(Width, 300, "Sashimi plot of CRBN junctions");
        svg.Line(Left, AxisY, Width - Right, AxisY, "intron");
        foreach (Exon e in exons)
        {
            double x0 = ToX(e.Interval.Start.Value), x1 = ToX(e.Interval.End.Value + 1);
            svg.Rect(x0, AxisY - (ExonHeight / 2), x1 - x0, ExonHeight, e.Number == CrbnTranscript.Exon10 ? "exon e10" : "exon", $"exon {e.Number}: {e.Interval}")
               .Text((x0 + x1) / 2, AxisY + (ExonHeight / 2) + 12, e.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), "lbl small", "middle");
        }

        double maxReads = Math.Max(1, junctions.Max(j => j.UniqueReads));
        foreach (JunctionReport j in junctions)
        {
            double x0 = ToX(j.IntronStart.Value - 0.5), x1 = ToX(j.IntronEnd.Value + 0.5);
            bool above = j.Annotated && !(j.Label?.Contains("skip", StringComparison.OrdinalIgnoreCase) ?? false);
            double height = 30 + (70 * Math.Min(1, (x1 - x0) / (Width / 2)));
            double apexY = above ? AxisY - ExonHeight - height : AxisY + ExonHeight + height;
            double baseY = above ? AxisY - (ExonHeight / 2) : AxisY + (ExonHeight / 2);
            double stroke = 1 + (5 * Math.Log(1 + j.UniqueReads) / Math.Log(1 + maxReads));
            string d = $"M{HtmlText.Coord(x0)},{HtmlText.Coord(baseY)} Q{HtmlText.Coord((x0 + x1) / 2)},{HtmlText.Coord((2 * apexY) - baseY)} {HtmlText.Coord(x1)},{HtmlText.Coord(baseY)}";
            string tooltip = $"{j.Chrom}:{j.IntronStart}-{j.IntronEnd} {j.Label} {j.UniqueReads} unique reads{(j.PredictedEffect is null ? string.Empty : " — " + j.PredictedEffect)}";
            svg.Path(d, above ? "arc" : j.Annotated ? "arc skip" : "arc novel", stroke, tooltip)
               .Text((x0 + x1) / 2, apexY + (above ? -3 : 12), j.UniqueReads.ToString(System.Globalization.CultureInfo.InvariantCulture), "lbl small", "middle");
        }

        svg.Text(Left, 292, $"{transcript.TranscriptId} ({(transcript.Strand == Core.Coordinates.Strand.Minus ? "minus strand: 5' end on the right" : "plus strand")}); introns not to scale; above: annotated junctions, below: skips and novel junctions", "lbl small");
        return svg.ToString();
    }
}
