using System.Globalization;
using System.Text;

namespace CrbnVariantCaller.Reporting.Vcf;

/// <summary>Formatting rules of VCF 4.3 text fields (§1.2 character encoding, §1.4 meta-information values).</summary>
internal static class VcfText
{
    /// <summary>Percent-encodes the characters VCF 4.3 reserves in INFO and FORMAT values (<c>: ; = % ,</c>, CR, LF, TAB).</summary>
    public static string EncodeValue(string value)
    {
        if (value.AsSpan().IndexOfAny(":;=%,\r\n\t") < 0)
        {
            return value;
        }

        StringBuilder sb = new(value.Length + 8);
        foreach (char c in value)
        {
            _ = c switch
            {
                ':' => sb.Append("%3A"),
                ';' => sb.Append("%3B"),
                '=' => sb.Append("%3D"),
                '%' => sb.Append("%25"),
                ',' => sb.Append("%2C"),
                '\r' => sb.Append("%0D"),
                '\n' => sb.Append("%0A"),
                '\t' => sb.Append("%09"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    /// <summary>Escapes a quoted meta-information value (<c>Description="..."</c>): backslash and double quote.</summary>
    public static string QuoteDescription(string description) =>
        "\"" + description.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace('\n', ' ').Replace('\r', ' ') + "\"";

    /// <summary>A sample or ID column value: tabs, newlines and (for IDs) spaces and semicolons become underscores.</summary>
    public static string Column(string value, bool isIdColumn = false)
    {
        StringBuilder sb = new(value.Length);
        foreach (char c in value)
        {
            bool bad = c is '\t' or '\n' or '\r' || (isIdColumn && (c is ';' or ' '));
            sb.Append(bad ? '_' : c);
        }

        return sb.Length == 0 ? "." : sb.ToString();
    }

    /// <summary>A floating-point value with at most <paramref name="decimals"/> decimals, invariant culture, no exponent.</summary>
    public static string Number(double value, int decimals) =>
        double.IsFinite(value)
            ? Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture)
            : ".";

    /// <summary>An integer, invariant culture.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Checks a FILTER identifier: no whitespace, no semicolon, not <c>0</c>.</summary>
    public static bool IsValidFilterId(string id) =>
        id.Length > 0 && id != "0" && !id.Any(c => char.IsWhiteSpace(c) || c is ';' or ',' or '=' or ':');
}
