using System.Globalization;

namespace CrbnVariantCaller.Core.Samples;

/// <summary>
/// The one policy for sample IDs, applied wherever an ID enters (<c>--sample</c>, a sample sheet, a BAM's <c>@RG SM</c>):
/// an ID that could not be written safely into every output is refused (exit code 2); any other ID is kept verbatim
/// and the writers escape it for their format (HTML entities, JSON strings, an ASCII file-name stem).
/// </summary>
/// <remarks>
/// Refused: empty; longer than <see cref="MaxLength"/> characters (file names are limited to 255 bytes); control
/// characters (tab, newline, NUL...) and invisible format characters (bidi overrides, zero-width, BOM), which would
/// split TSV/VCF lines or disguise a name; absolute paths and paths through <c>.</c> or <c>..</c> (traversal); leading or
/// trailing spaces; a leading <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c>, which spreadsheets run as a
/// formula when they open <c>summary.tsv</c>. Kept and escaped: HTML and script text, quotes, commas, spaces inside,
/// a <c>/</c> inside a name (the file-name stem replaces it), and non-ASCII letters.
/// </remarks>
public static class SampleIdRules
{
    /// <summary>The longest ID accepted, in UTF-16 characters.</summary>
    public const int MaxLength = 128;

    /// <summary>Why <paramref name="id"/> is refused, in words that fit after "sample ID '...' "; null when it is acceptable.</summary>
    public static string? FindProblem(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Trim().Length == 0)
        {
            return "is empty";
        }

        if (id.Length > MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"is {id.Length} characters long; at most {MaxLength} are allowed");
        }

        for (int i = 0; i < id.Length; i++)
        {
            char c = id[i];
            if (char.IsHighSurrogate(c) && char.IsSurrogatePair(id, i))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "is not valid Unicode (a lone surrogate)";
            }

            UnicodeCategory category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return string.Create(CultureInfo.InvariantCulture, $"contains a control character (U+{(int)c:X4})");
            }

            if (category is UnicodeCategory.Format)
            {
                return string.Create(CultureInfo.InvariantCulture, $"contains an invisible formatting character (U+{(int)c:X4})");
            }
        }

        if (id[0] is '/' or '\\' || (id.Length >= 2 && char.IsAsciiLetter(id[0]) && id[1] == ':'))
        {
            return "is an absolute path";
        }

        if (id.Split('/', '\\').Any(segment => segment is "." or ".."))
        {
            return "is a relative path with '.' or '..' (path traversal)";
        }

        if (char.IsWhiteSpace(id[0]) || char.IsWhiteSpace(id[^1]))
        {
            return "starts or ends with a space";
        }

        if (id[0] is '=' or '+' or '-' or '@')
        {
            return $"starts with '{id[0]}', which spreadsheets run as a formula";
        }

        return null;
    }

    /// <summary>
    /// <paramref name="id"/> as it can be shown in a one-line message: control and invisible characters as <c>\uXXXX</c>,
    /// cut to 60 characters.
    /// </summary>
    public static string Printable(string? id)
    {
        if (id is null)
        {
            return string.Empty;
        }

        var sb = new System.Text.StringBuilder();
        foreach (char c in id.Length > 60 ? id[..60] : id)
        {
            bool hidden = char.IsSurrogate(c) ? false : char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
            sb.Append(hidden ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : c.ToString());
        }

        return id.Length > 60 ? sb.Append("...").ToString() : sb.ToString();
    }

    /// <summary>True when <see cref="FindProblem"/> finds nothing.</summary>
    public static bool IsAcceptable(string? id) => FindProblem(id) is null;
}
