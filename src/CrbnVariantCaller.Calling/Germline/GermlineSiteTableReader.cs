using System.Globalization;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;

namespace CrbnVariantCaller.Calling.Germline;

/// <summary>
/// Reads a user-supplied germline site table: tab-separated, <c>#</c> comment lines and blank lines ignored, and a
/// header naming the columns (any order, case-insensitive):
/// <c>id</c>, <c>chrom</c>, <c>pos</c> (1-based; commas allowed), <c>ref</c> (one base), <c>alt</c> (one or more
/// single bases, comma-separated), and optionally <c>gene</c>, <c>note</c>, <c>study_notation</c> (the literature's allele
/// naming, e.g. <c>c.3435C&gt;T</c>) and <c>notation_strand</c> (<c>+</c> or <c>-</c>, the strand of that naming).
/// </summary>
/// <example>
/// <code>
/// # build: GRCh38
/// id	gene	chrom	pos	ref	alt	note
/// rs1045642	ABCB1	chr7	87509329	A	G	c.3435T>C
/// rs2032582	ABCB1	chr7	87,531,302	C	A,T	c.2677G>T/A
/// </code>
/// </example>
public static class GermlineSiteTableReader
{
    private static readonly string[] Required = ["id", "chrom", "pos", "ref", "alt"];

    /// <summary>Reads a table from <paramref name="reader"/>.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="sourceName">The file name, for messages and <see cref="GermlineSiteTable.Source"/>.</param>
    /// <param name="build">The build the positions refer to.</param>
    /// <exception cref="InvalidSiteTableException">The table is malformed; the message names the line.</exception>
    public static GermlineSiteTable Read(TextReader reader, string sourceName, GenomeBuild build)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);

        Dictionary<string, int>? columns = null;
        var sites = new List<GermlineSite>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string[] fields = line.TrimEnd('\r').Split('\t');
            if (columns is null)
            {
                columns = ReadHeader(fields, sourceName, lineNumber);
                continue;
            }

            GermlineSite site = ReadSite(fields, columns, sourceName, lineNumber);
            if (!ids.Add(site.Id))
            {
                throw new InvalidSiteTableException(sourceName, lineNumber, $"site id '{site.Id}' appears twice");
            }

            sites.Add(site);
        }

        if (columns is null)
        {
            throw new InvalidSiteTableException(sourceName, 0, "the table is empty: expected a header line with columns id, chrom, pos, ref, alt");
        }

        if (sites.Count == 0)
        {
            throw new InvalidSiteTableException(sourceName, 0, "the table has a header but no sites");
        }

        return new GermlineSiteTable(build, sites, sourceName);
    }

    private static Dictionary<string, int> ReadHeader(string[] fields, string source, int lineNumber)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < fields.Length; i++)
        {
            string name = fields[i].Trim();
            if (name.Length > 0 && !columns.TryAdd(name, i))
            {
                throw new InvalidSiteTableException(source, lineNumber, $"column '{name}' appears twice in the header");
            }
        }

        string[] missing = Required.Where(r => !columns.ContainsKey(r)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidSiteTableException(source, lineNumber,
                $"the header lacks column(s) {string.Join(", ", missing)} (expected tab-separated id, gene, chrom, pos, ref, alt, note; got '{string.Join("', '", fields)}')");
        }

        return columns;
    }

    private static GermlineSite ReadSite(string[] fields, Dictionary<string, int> columns, string source, int lineNumber)
    {
        string Field(string name)
        {
            if (!columns.TryGetValue(name, out int i))
            {
                return string.Empty;
            }

            if (i >= fields.Length)
            {
                throw new InvalidSiteTableException(source, lineNumber, $"{fields.Length} tab-separated fields, but column '{name}' is field {i + 1}");
            }

            return fields[i].Trim();
        }

        string id = Field("id");
        if (id.Length == 0)
        {
            throw new InvalidSiteTableException(source, lineNumber, "the id is empty");
        }

        string chrom = Field("chrom");
        if (chrom.Length == 0)
        {
            throw new InvalidSiteTableException(source, lineNumber, $"site {id}: the chrom is empty");
        }

        string posText = Field("pos").Replace(",", string.Empty, StringComparison.Ordinal);
        if (!int.TryParse(posText, NumberStyles.None, CultureInfo.InvariantCulture, out int pos) || pos < 1)
        {
            throw new InvalidSiteTableException(source, lineNumber, $"site {id}: pos '{Field("pos")}' is not a 1-based position");
        }

        char reference = ParseBase(Field("ref"), "ref", id, source, lineNumber);
        string altText = Field("alt");
        if (altText.Length == 0)
        {
            throw new InvalidSiteTableException(source, lineNumber, $"site {id}: alt is empty");
        }

        var alts = new List<char>();
        foreach (string alt in altText.Split(','))
        {
            char a = ParseBase(alt.Trim(), "alt", id, source, lineNumber);
            if (a == reference || alts.Contains(a))
            {
                throw new InvalidSiteTableException(source, lineNumber, $"site {id}: alt '{altText}' repeats the reference or another alt");
            }

            alts.Add(a);
        }

        string notation = Field("study_notation");
        string strand = Field("notation_strand");
        if (strand.Length > 0 && strand is not ("+" or "-"))
        {
            throw new InvalidSiteTableException(source, lineNumber, $"site {id}: notation_strand '{strand}' is not + or -");
        }

        return new GermlineSite(id, Field("gene"), chrom, new Position(pos), reference, alts, Field("note"), notation.Length == 0 ? null : notation, strand == "-");
    }

    private static char ParseBase(string text, string column, string id, string source, int lineNumber)
    {
        if (text.Length != 1 || "ACGTacgt".IndexOf(text[0], StringComparison.Ordinal) < 0)
        {
            throw new InvalidSiteTableException(source, lineNumber, $"site {id}: {column} '{text}' is not a single base A, C, G or T (only SNPs can be typed)");
        }

        return char.ToUpperInvariant(text[0]);
    }
}
