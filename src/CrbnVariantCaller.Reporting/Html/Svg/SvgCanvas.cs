using System.Text;

namespace CrbnVariantCaller.Reporting.Html.Svg;

/// <summary>Builds one inline SVG element; all text is escaped and all numbers are written in invariant culture.</summary>
internal sealed class SvgCanvas
{
    private readonly StringBuilder _sb = new();

    /// <summary>Starts an SVG of the given size, with an accessible title.</summary>
    public SvgCanvas(double width, double height, string title)
    {
        Width = width;
        Height = height;
        _sb.Append("<svg class=\"plot\" role=\"img\" viewBox=\"0 0 ")
           .Append(HtmlText.Coord(width)).Append(' ').Append(HtmlText.Coord(height))
           .Append("\" width=\"").Append(HtmlText.Coord(width)).Append("\" height=\"").Append(HtmlText.Coord(height)).Append("\">")
           .Append("<title>").Append(HtmlText.Escape(title)).Append("</title>");
    }

    public double Width { get; }

    public double Height { get; }

    public SvgCanvas Line(double x1, double y1, double x2, double y2, string cssClass)
    {
        _sb.Append("<line x1=\"").Append(HtmlText.Coord(x1)).Append("\" y1=\"").Append(HtmlText.Coord(y1))
           .Append("\" x2=\"").Append(HtmlText.Coord(x2)).Append("\" y2=\"").Append(HtmlText.Coord(y2))
           .Append("\" class=\"").Append(cssClass).Append("\"/>");
        return this;
    }

    public SvgCanvas Rect(double x, double y, double width, double height, string cssClass, string? tooltip = null)
    {
        _sb.Append("<rect x=\"").Append(HtmlText.Coord(x)).Append("\" y=\"").Append(HtmlText.Coord(y))
           .Append("\" width=\"").Append(HtmlText.Coord(Math.Max(0, width))).Append("\" height=\"").Append(HtmlText.Coord(Math.Max(0, height)))
           .Append("\" class=\"").Append(cssClass).Append('"');
        if (tooltip is null)
        {
            _sb.Append("/>");
        }
        else
        {
            _sb.Append("><title>").Append(HtmlText.Escape(tooltip)).Append("</title></rect>");
        }

        return this;
    }

    public SvgCanvas Text(double x, double y, string text, string cssClass = "lbl", string anchor = "start")
    {
        _sb.Append("<text x=\"").Append(HtmlText.Coord(x)).Append("\" y=\"").Append(HtmlText.Coord(y))
           .Append("\" class=\"").Append(cssClass).Append("\" text-anchor=\"").Append(anchor).Append("\">")
           .Append(HtmlText.Escape(text)).Append("</text>");
        return this;
    }

    public SvgCanvas Polyline(IEnumerable<(double X, double Y)> points, string cssClass)
    {
        _sb.Append("<polyline class=\"").Append(cssClass).Append("\" points=\"");
        foreach ((double x, double y) in points)
        {
            _sb.Append(HtmlText.Coord(x)).Append(',').Append(HtmlText.Coord(y)).Append(' ');
        }

        _sb.Append("\"/>");
        return this;
    }

    public SvgCanvas Path(string data, string cssClass, double strokeWidth, string? tooltip = null)
    {
        _sb.Append("<path d=\"").Append(data).Append("\" class=\"").Append(cssClass).Append("\" stroke-width=\"")
           .Append(HtmlText.Coord(strokeWidth)).Append('"');
        _sb.Append(tooltip is null ? "/>" : "><title>" + HtmlText.Escape(tooltip) + "</title></path>");
        return this;
    }

    public override string ToString() => _sb + "</svg>";
}
