using System.Globalization;
using System.Net;

namespace CrbnVariantCaller.Reporting.Html;

/// <summary>Escaping and number formatting for the HTML report. Every string that reaches the page goes through <see cref="Escape"/>.</summary>
internal static class HtmlText
{
    /// <summary>HTML-escapes text for element content and quoted attribute values (<c>&lt; &gt; &amp; " '</c>).</summary>
    public static string Escape(string? text) => text is null ? string.Empty : WebUtility.HtmlEncode(text);

    /// <summary>An SVG coordinate: invariant culture, at most two decimals.</summary>
    public static string Coord(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A value for a table cell: <c>–</c> for null.</summary>
    public static string Number(double? value, string format = "0.###") =>
        value is double d ? d.ToString(format, CultureInfo.InvariantCulture) : "–";

    /// <summary>A fraction as a percentage.</summary>
    public static string Percent(double? fraction, string format = "0.0") =>
        fraction is double f ? (100 * f).ToString(format, CultureInfo.InvariantCulture) + "%" : "–";
}
