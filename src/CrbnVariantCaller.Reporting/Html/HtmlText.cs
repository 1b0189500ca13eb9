using System.Globalization;
using System.Net;

namespace CrbnVariantCaller.Reporting.Html;

/// <summary>Escaping and number formatting for the HTML report. Every string that reaches the page goes through <see cref="Escape"/>.</summary>
internal static class HtmlText
{
    /// <summary>HTML-escapes text for element content and quoted attribute values (<c>&lt; &gt; &amp; " '</c>).</summary>
    public static string Escape(string? text) => text is null ? string.Empty : WebUtility.HtmlEncode(text);

    /// <summary>
    /// <see cref="Escape"/>, plus a soft line break (<c>&lt;wbr&gt;</c>) after each <c>_</c> and <c>;</c>, so that a long
    /// identifier (missense_variant, strand_bias;normal_evidence, DEMO_DEEP_TUMOR) may wrap there in a narrow column
    /// instead of widening the table or breaking inside a word or number.
    /// </summary>
    public static string EscapeWrappable(string? text) =>
        text is null ? string.Empty : string.Join("<wbr>", SplitAfter(text, '_', ';').Select(Escape));

    private static IEnumerable<string> SplitAfter(string text, params char[] breaks)
    {
        int start = 0;
        for (int i = text.IndexOfAny(breaks); i >= 0; i = text.IndexOfAny(breaks, i + 1))
        {
            yield return text[start..(i + 1)];
            start = i + 1;
        }

        yield return text[start..];
    }

    /// <summary>An SVG coordinate: invariant culture, at most two decimals.</summary>
    public static string Coord(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A value for a table cell: <c>–</c> for null.</summary>
    public static string Number(double? value, string format = "0.###") =>
        value is double d ? d.ToString(format, CultureInfo.InvariantCulture) : "–";

    /// <summary>A fraction as a percentage.</summary>
    public static string Percent(double? fraction, string format = "0.0") =>
        fraction is double f ? (100 * f).ToString(format, CultureInfo.InvariantCulture) + "%" : "–";
}
