using System.Globalization;
using System.Text;
using CrbnVariantCaller.Formats.Output;
using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Formats.Pon;

/// <summary>
/// Reads and writes the panel-of-normals TSV of <c>crbn pon</c> (version 1):
/// <code>
/// ##crbn-pon=1
/// ##genome_build=GRCh38
/// ##normals=PON_N1,PON_N2,PON_N3
/// ##normalisation=target mean depth / mean depth over all control targets
/// chrom  start    end      name         crbn_exon  log2     spread  depth
/// chr3   3149482  3151195  CRBN_exon11  11         0.2301   0.0210  88.10
/// chr3   3060000  3060300  CTRL_3060001 .          -0.1022  0.0150  68.00
/// </code>
/// <c>start</c>/<c>end</c> are BED-style (0-based, end exclusive) so the rows paste into a genome browser; <c>crbn_exon</c>
/// is the CRBN exon number or <c>.</c> for a control target; <c>log2</c> and <c>spread</c> are the median and the
/// MAD-based spread over the normals of log2(normalised depth); <c>depth</c> is the median mean depth.
/// </summary>
public static class PonTsv
{
    /// <summary>The value of the <c>##crbn-pon</c> line this version writes and reads.</summary>
    public const string FormatVersion = "1";

    /// <summary>The normalisation every current PON uses.</summary>
    public const string DefaultNormalisation = "target mean depth / mean depth over all control targets";

    private static readonly string[] Columns = ["chrom", "start", "end", "name", "crbn_exon", "log2", "spread", "depth"];

    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/> atomically (a temporary file, then a rename).</summary>
    public static void Write(PanelOfNormalsTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(path);
        AtomicFileSet.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
            Write(table, writer);
        });
    }

    /// <summary>Writes <paramref name="table"/> as TSV text.</summary>
    public static void Write(PanelOfNormalsTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        writer.NewLine = "\n";
        writer.WriteLine($"##crbn-pon={FormatVersion}");
        writer.WriteLine($"##genome_build={table.GenomeBuild}");
        writer.WriteLine($"##normals={string.Join(',', table.Normals)}");
        writer.WriteLine($"##normalisation={table.Normalisation}");
        writer.WriteLine(string.Join('\t', Columns));
        foreach (PonTarget t in table.Targets)
        {
            writer.WriteLine(string.Join(
                '\t',
                t.Interval.Contig,
                t.Interval.Start.ZeroBased.ToString(CultureInfo.InvariantCulture),
                t.Interval.End.Value.ToString(CultureInfo.InvariantCulture),
                t.Name,
                t.CrbnExon is { } exon ? exon.ToString(CultureInfo.InvariantCulture) : ".",
                t.Log2.ToString("F5", CultureInfo.InvariantCulture),
                t.Spread.ToString("F5", CultureInfo.InvariantCulture),
                t.Depth.ToString("F3", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Reads the PON TSV at <paramref name="path"/>.</summary>
    /// <exception cref="PonFormatException">The file is not a version-1 PON, or a line is malformed.</exception>
    public static PanelOfNormalsTable Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var text = new StreamReader(path);
        return Read(text, path);
    }

    /// <summary>Reads a PON from <paramref name="text"/>; <paramref name="path"/> names the file in errors.</summary>
    public static PanelOfNormalsTable Read(TextReader text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? version = null;
        string? build = null;
        string normalisation = DefaultNormalisation;
        IReadOnlyList<string>? normals = null;
        var targets = new List<PonTarget>();
        bool sawHeader = false;
        long lineNumber = 0;
        while (text.ReadLine() is { } raw)
        {
            lineNumber++;
            string line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("##", StringComparison.Ordinal))
            {
                int eq = line.IndexOf('=');
                if (eq < 0)
                {
                    throw new PonFormatException(path, lineNumber, $"meta line '{line}' has no '='");
                }

                string key = line[2..eq];
                string value = line[(eq + 1)..];
                switch (key)
                {
                    case "crbn-pon":
                        version = value;
                        break;
                    case "genome_build":
                        build = value;
                        break;
                    case "normals":
                        normals = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                        break;
                    case "normalisation":
                        normalisation = value;
                        break;
                }

                continue;
            }

            if (version is null)
            {
                throw new PonFormatException(path, lineNumber, "not a crbn panel of normals: the file must start with '##crbn-pon=1' (write one with 'crbn pon')");
            }

            if (version != FormatVersion)
            {
                throw new PonFormatException(path, lineNumber, $"PON format version {version} is not supported (this crbn reads version {FormatVersion})");
            }

            if (!sawHeader)
            {
                string[] header = line.Split('\t');
                if (!header.SequenceEqual(Columns, StringComparer.Ordinal))
                {
                    throw new PonFormatException(path, lineNumber, $"expected the column header '{string.Join("\\t", Columns)}'");
                }

                sawHeader = true;
                continue;
            }

            targets.Add(ParseRow(line, path, lineNumber));
        }

        if (version is null || !sawHeader)
        {
            throw new PonFormatException(path, 0, "not a crbn panel of normals (no '##crbn-pon=1' line and column header; write one with 'crbn pon')");
        }

        if (build is null)
        {
            throw new PonFormatException(path, 0, "the '##genome_build=' line is missing");
        }

        if (normals is null || normals.Count == 0)
        {
            throw new PonFormatException(path, 0, "the '##normals=' line is missing or empty");
        }

        if (targets.Count == 0)
        {
            throw new PonFormatException(path, 0, "the panel holds no target rows");
        }

        return new PanelOfNormalsTable { GenomeBuild = build, Normals = normals, Normalisation = normalisation, Targets = targets };
    }

    private static PonTarget ParseRow(string line, string path, long lineNumber)
    {
        string[] f = line.Split('\t');
        if (f.Length != Columns.Length)
        {
            throw new PonFormatException(path, lineNumber, $"expected {Columns.Length} tab-separated columns, found {f.Length}");
        }

        if (f[0].Length == 0)
        {
            throw new PonFormatException(path, lineNumber, "the chromosome name is empty");
        }

        int start = ParseInt(f[1], "start", path, lineNumber);
        int end = ParseInt(f[2], "end", path, lineNumber);
        if (end <= start)
        {
            throw new PonFormatException(path, lineNumber, $"end {end} is not after start {start}");
        }

        int? exon = f[4] == "." ? null : ParseInt(f[4], "crbn_exon", path, lineNumber);
        if (exon is < 1)
        {
            throw new PonFormatException(path, lineNumber, $"crbn_exon {exon} is not an exon number");
        }

        double log2 = ParseDouble(f[5], "log2", path, lineNumber);
        double spread = ParseDouble(f[6], "spread", path, lineNumber);
        double depth = ParseDouble(f[7], "depth", path, lineNumber);
        if (spread < 0 || depth < 0)
        {
            throw new PonFormatException(path, lineNumber, "spread and depth must not be negative");
        }

        return new PonTarget
        {
            Interval = new GenomicInterval(f[0], Position.FromZeroBased(start), new Position(end)),
            Name = f[3],
            CrbnExon = exon,
            Log2 = log2,
            Spread = spread,
            Depth = depth,
        };
    }

    private static int ParseInt(string text, string column, string path, long lineNumber) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new PonFormatException(path, lineNumber, $"{column} '{text}' is not a non-negative integer");

    private static double ParseDouble(string text, string column, string path, long lineNumber) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new PonFormatException(path, lineNumber, $"{column} '{text}' is not a finite number");
}
