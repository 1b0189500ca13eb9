using System.Globalization;
using System.Text;
using CrbnVariantCaller.Core.Samples;
using CsvHelper;

namespace CrbnVariantCaller.Formats.SampleSheet;

/// <summary>
/// Reads and validates a <c>crbn batch</c> sample sheet (format: <c>Formats/SampleSheet/README.md</c>): a header row
/// naming the columns (<c>sample</c> required), then one row per sample. Comma-separated (RFC 4180 quoting) unless the
/// header row has a tab and no comma, then tab-separated. Every problem raises <see cref="SampleSheetFormatException"/>
/// naming the line, so a batch fails before any sample runs.
/// </summary>
public static class SampleSheetReader
{
    /// <summary>Reads the sheet at <paramref name="path"/>; relative paths in it are resolved against its folder.</summary>
    /// <exception cref="FileNotFoundException">The sheet does not exist.</exception>
    /// <exception cref="SampleSheetFormatException">The sheet is malformed.</exception>
    public static SampleSheet Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SampleSheetFormatException(path, 0, $"cannot be read: {e.Message}");
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        return Parse(text, path, folder);
    }

    /// <summary>Parses sheet text.</summary>
    /// <param name="text">The sheet's content.</param>
    /// <param name="path">The sheet's name, for messages.</param>
    /// <param name="baseDirectory">The folder relative paths are resolved against.</param>
    /// <exception cref="SampleSheetFormatException">The sheet is malformed.</exception>
    public static SampleSheet Parse(string text, string path, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(baseDirectory);
        baseDirectory = Path.GetFullPath(baseDirectory);
        text = text.TrimStart('\uFEFF');
        if (text.IndexOf('\0', StringComparison.Ordinal) >= 0)
        {
            throw new SampleSheetFormatException(path, 0, "is a binary file, not a CSV sample sheet");
        }

        using CsvReader reader = CsvReader.FromText(text, new CsvReaderOptions
        {
            Separator = SniffSeparator(text),
            HasHeader = false,
            Mode = CsvMode.Rfc4180,
            CommentPrefix = '#',
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FormatProvider = CultureInfo.InvariantCulture,
        });

        (long Line, string[] Fields)? header = NextRow(reader, path);
        if (header is null)
        {
            throw new SampleSheetFormatException(path, 0, "is empty; it needs a header row naming the columns (sample,dna,normal,rna,...)");
        }

        Dictionary<string, int> columns = ReadHeader(header.Value.Fields, header.Value.Line, path);
        var entries = new List<SampleSheetEntry>();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        while (NextRow(reader, path) is (long line, string[] fields))
        {
            if (fields.Length != header.Value.Fields.Length)
            {
                throw new SampleSheetFormatException(path, line, $"has {fields.Length} fields, the header (line {header.Value.Line}) has {header.Value.Fields.Length}");
            }

            SampleSheetEntry entry = ReadEntry(fields, columns, line, path, baseDirectory);
            if (seen.TryGetValue(entry.Sample, out long first))
            {
                throw new SampleSheetFormatException(path, line, $"sample '{entry.Sample}' is already on line {first}; sample IDs must be unique");
            }

            seen[entry.Sample] = line;
            entries.Add(entry);
        }

        if (entries.Count == 0)
        {
            throw new SampleSheetFormatException(path, 0, "has a header but no sample rows");
        }

        return new SampleSheet(path, entries);
    }

    /// <summary>Tab when the first non-comment, non-blank line has a tab and no comma; comma otherwise.</summary>
    private static char SniffSeparator(string text)
    {
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            return line.Contains('\t', StringComparison.Ordinal) && !line.Contains(',', StringComparison.Ordinal) ? '\t' : ',';
        }

        return ',';
    }

    private static (long Line, string[] Fields)? NextRow(CsvReader reader, string path)
    {
        while (true)
        {
            try
            {
                if (!reader.Read())
                {
                    return null;
                }
            }
            catch (CsvFormatException e)
            {
                throw new SampleSheetFormatException(path, e.LineNumber, $"malformed CSV quoting: {e.Message}");
            }

            var fields = new string[reader.FieldCount];
            for (int i = 0; i < fields.Length; i++)
            {
                fields[i] = (reader.GetString(i) ?? string.Empty).Trim();
            }

            if (fields.All(f => f.Length == 0))
            {
                continue; // a row of empty cells (",,,," as spreadsheets write it) counts as blank
            }

            return (reader.LineNumber, fields);
        }
    }

    private static Dictionary<string, int> ReadHeader(string[] fields, long line, string path)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < fields.Length; i++)
        {
            string name = fields[i].ToLowerInvariant();
            if (name.Length == 0)
            {
                throw new SampleSheetFormatException(path, line, $"header column {i + 1} has no name");
            }

            if (!SampleSheet.Columns.Contains(name))
            {
                throw new SampleSheetFormatException(
                    path,
                    line,
                    $"unknown column '{fields[i]}' (columns are {string.Join(", ", SampleSheet.Columns)}; the first row must be the header)");
            }

            if (!columns.TryAdd(name, i))
            {
                throw new SampleSheetFormatException(path, line, $"column '{name}' appears twice in the header");
            }
        }

        if (!columns.ContainsKey("sample"))
        {
            throw new SampleSheetFormatException(path, line, "the header has no 'sample' column (the first row must be the header)");
        }

        if (!columns.ContainsKey("dna") && !columns.ContainsKey("rna"))
        {
            throw new SampleSheetFormatException(path, line, "the header has neither a 'dna' nor an 'rna' column");
        }

        return columns;
    }

    private static SampleSheetEntry ReadEntry(string[] fields, Dictionary<string, int> columns, long line, string path, string baseDirectory)
    {
        string sample = Cell("sample") ?? throw new SampleSheetFormatException(path, line, "the 'sample' cell is empty");
        if (SampleIdRules.FindProblem(sample) is { } problem)
        {
            throw new SampleSheetFormatException(path, line, $"sample ID '{SampleIdRules.Printable(sample)}' {problem}");
        }

        var entry = new SampleSheetEntry
        {
            Sample = sample,
            LineNumber = line,
            Dna = PathCell("dna"),
            Normal = PathCell("normal"),
            Rna = PathCell("rna"),
            Expression = PathCell("expression"),
            Annotation = PathCell("annotation"),
            Cohort = PathCell("cohort"),
            Signature = PathCell("signature"),
            Exon10Cohort = PathCell("exon10_cohort"),
            FunctionalVariants = PathCell("functional_variants"),
            Setting = Cell("setting")?.Trim().ToLowerInvariant() is { Length: > 0 } setting
                ? setting is "newly_diagnosed" or "relapsed" ? setting
                    : throw new SampleSheetFormatException(path, line, $"sample '{sample}': setting '{setting}' is not newly_diagnosed or relapsed")
                : null,
        };

        if (entry.Dna is null && entry.Rna is null)
        {
            throw new SampleSheetFormatException(path, line, $"sample '{sample}' has neither a dna nor an rna BAM");
        }

        if (entry.Normal is not null && entry.Dna is null)
        {
            throw new SampleSheetFormatException(path, line, $"sample '{sample}' has a normal but no dna (tumour) BAM");
        }

        return entry;

        string? Cell(string column) =>
            columns.TryGetValue(column, out int index) && fields[index].Length > 0 ? fields[index] : null;

        string? PathCell(string column)
        {
            string? value = Cell(column);
            if (value is null)
            {
                return null;
            }

            try
            {
                return Path.GetFullPath(value, baseDirectory);
            }
            catch (ArgumentException e)
            {
                throw new SampleSheetFormatException(path, line, $"column '{column}': '{value}' is not a valid path ({e.Message})");
            }
        }
    }
}
