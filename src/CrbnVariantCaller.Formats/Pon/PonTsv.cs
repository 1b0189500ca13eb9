using System.Globalization;
using System.Text;
using CrbnVariantCaller.Formats.Output;
using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Formats.Pon;

/// <summary>
/// Reads and writes the panel-of-normals TSV of <c>crbn pon</c> (version 3):
/// <code>
/// ##crbn-pon=3
/// ##genome_build=GRCh38
/// ##normals=PON_N1,PON_N2,PON_N3
/// ##outlier_normals=PON_N4: residual noise 0.4 vs the panel's median 0.1
/// ##normalisation=bin depth / median depth of the reference bins (autosomes other than chr3), GC-corrected
/// ##read_length=100
/// ##target_depth=41.2
/// ##background_depth=0.151
/// ##normal_noise=0.17
/// chrom  start    end      name         kind        crbn_exon  gc       log2     spread  depth
/// chr3   3149482  3151195  CRBN_exon11  target      11         0.41234  0.2301   0.0210  88.10
/// chr3   2000000  2050000  chr3:...     antitarget  .          0.40123  -0.1022  0.0150  0.15
/// </code>
/// <c>start</c>/<c>end</c> are BED-style (0-based, end exclusive) so the rows paste into a genome browser; <c>kind</c>
/// is <c>target</c>, <c>antitarget</c> or <c>genome</c>; <c>crbn_exon</c> is the CRBN exon number or <c>.</c>;
/// <c>gc</c> the reference GC fraction; <c>log2</c> and <c>spread</c> are the median and the MAD-based spread over the
/// normals of the normalised log2 depth; <c>depth</c> is the median mean depth; <c>normal_noise</c> is the median
/// residual noise of the normals, each measured against the median of the others (leave-one-out). Older files are
/// refused with a request to rebuild: version 1 (targets only, normalised on control targets near CRBN) and version 2
/// (its normal_noise measured with each normal inside its own median, too low, so samples of the same assay were
/// refused as noisy).
/// </summary>
public static class PonTsv
{
    /// <summary>The value of the <c>##crbn-pon</c> line this version writes and reads.</summary>
    public const string FormatVersion = "3";

    /// <summary>The normalisation every current PON uses.</summary>
    public const string DefaultNormalisation = "bin depth / median depth of the reference bins (autosomes other than the CRBN contig), GC-corrected";

    private static readonly string[] Columns = ["chrom", "start", "end", "name", "kind", "crbn_exon", "gc", "log2", "spread", "depth"];

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
        if (table.OutlierNormals.Count > 0)
        {
            writer.WriteLine($"##outlier_normals={string.Join(';', table.OutlierNormals)}");
        }

        writer.WriteLine($"##normalisation={table.Normalisation}");
        writer.WriteLine($"##read_length={table.ReadLength.ToString("0.##", CultureInfo.InvariantCulture)}");
        writer.WriteLine($"##target_depth={table.TargetDepth.ToString("0.####", CultureInfo.InvariantCulture)}");
        writer.WriteLine($"##background_depth={table.BackgroundDepth.ToString("0.####", CultureInfo.InvariantCulture)}");
        writer.WriteLine($"##normal_noise={table.NormalNoise.ToString("0.####", CultureInfo.InvariantCulture)}");
        writer.WriteLine(string.Join('\t', Columns));
        foreach (PonTarget t in table.Targets)
        {
            writer.WriteLine(string.Join(
                '\t',
                t.Interval.Contig,
                t.Interval.Start.ZeroBased.ToString(CultureInfo.InvariantCulture),
                t.Interval.End.Value.ToString(CultureInfo.InvariantCulture),
                t.Name,
                t.Kind,
                t.CrbnExon is { } exon ? exon.ToString(CultureInfo.InvariantCulture) : ".",
                double.IsFinite(t.Gc) ? t.Gc.ToString("F5", CultureInfo.InvariantCulture) : ".",
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
        IReadOnlyList<string> outliers = [];
        double readLength = 0;
        double targetDepth = 0;
        double backgroundDepth = 0;
        double normalNoise = 0;
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
                    case "outlier_normals":
                        outliers = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                        break;
                    case "read_length":
                        readLength = ParseDouble(value, "read_length", path, lineNumber);
                        break;
                    case "target_depth":
                        targetDepth = ParseDouble(value, "target_depth", path, lineNumber);
                        break;
                    case "normal_noise":
                        normalNoise = ParseDouble(value, "normal_noise", path, lineNumber);
                        break;
                    case "background_depth":
                        backgroundDepth = ParseDouble(value, "background_depth", path, lineNumber);
                        break;
                }

                continue;
            }

            if (version is null)
            {
                throw new PonFormatException(path, lineNumber, $"not a crbn panel of normals: the file must start with '##crbn-pon={FormatVersion}' (write one with 'crbn pon')");
            }

            if (version != FormatVersion)
            {
                throw new PonFormatException(path, lineNumber, $"PON format version {version} is not supported (this crbn reads version {FormatVersion}; rebuild the panel with 'crbn pon')");
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
            throw new PonFormatException(path, 0, $"not a crbn panel of normals (no '##crbn-pon={FormatVersion}' line and column header; write one with 'crbn pon')");
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

        return new PanelOfNormalsTable
        {
            GenomeBuild = build,
            Normals = normals,
            OutlierNormals = outliers,
            Normalisation = normalisation,
            ReadLength = readLength,
            TargetDepth = targetDepth,
            BackgroundDepth = backgroundDepth,
            NormalNoise = normalNoise,
            Targets = targets,
        };
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

        if (f[4] is not ("target" or "antitarget" or "genome"))
        {
            throw new PonFormatException(path, lineNumber, $"kind '{f[4]}' is not target, antitarget or genome");
        }

        int? exon = f[5] == "." ? null : ParseInt(f[5], "crbn_exon", path, lineNumber);
        if (exon is < 1)
        {
            throw new PonFormatException(path, lineNumber, $"crbn_exon {exon} is not an exon number");
        }

        double gc = f[6] == "." ? double.NaN : ParseDouble(f[6], "gc", path, lineNumber);
        double log2 = ParseDouble(f[7], "log2", path, lineNumber);
        double spread = ParseDouble(f[8], "spread", path, lineNumber);
        double depth = ParseDouble(f[9], "depth", path, lineNumber);
        if (spread < 0 || depth < 0)
        {
            throw new PonFormatException(path, lineNumber, "spread and depth must not be negative");
        }

        return new PonTarget
        {
            Interval = new GenomicInterval(f[0], Position.FromZeroBased(start), new Position(end)),
            Name = f[3],
            Kind = f[4],
            CrbnExon = exon,
            Gc = gc,
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
