using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;

namespace CrbnVariantCaller.Formats.Expression;

/// <summary>
/// Rows of a tab- or comma-separated file through CsvHelper's parser, each with its 1-based line number. The delimiter
/// is a tab when the first non-comment line has one, a comma otherwise; tab files are read in CsvHelper's NoEscape mode
/// (as salmon, RSEM and featureCounts write them), comma files as RFC 4180 CSV. Lines starting with <c>#</c> are
/// skipped by CsvHelper and kept in <see cref="Comments"/>; blank lines are skipped. Gzipped input is detected by its magic bytes.
/// </summary>
internal sealed class DelimitedLines : IDisposable
{
    private readonly CsvReader _reader;
    private readonly List<(long Line, string Text)> _comments;

    private DelimitedLines(string path, string text, char delimiter)
    {
        FilePath = path;
        Delimiter = delimiter;
        _comments = text.Split('\n')
            .Select((l, i) => (Line: (long)i + 1, Text: l.TrimEnd('\r')))
            .Where(l => l.Text.StartsWith('#'))
            .Select(l => (l.Line, l.Text[1..]))
            .ToList();
        _reader = CsvReader.FromText(text, new CsvReaderOptions
        {
            Separator = delimiter,
            HasHeader = false,
            Mode = delimiter == '\t' ? CsvMode.NoEscape : CsvMode.Rfc4180,
            CommentPrefix = '#',
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            FormatProvider = CultureInfo.InvariantCulture,
        });
    }

    public string FilePath { get; }

    public char Delimiter { get; }

    /// <summary>Every comment line of the file (text without the leading <c>#</c>), with its line number.</summary>
    public IReadOnlyList<(long Line, string Text)> Comments => _comments;

    /// <summary>Opens a file, sniffing gzip and the delimiter.</summary>
    public static DelimitedLines Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] all;
        try
        {
            all = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new ExpressionTableFormatException(path, 0, $"cannot be read: {e.Message}");
        }

        if (all.Length >= 2 && all[0] == 0x1f && all[1] == 0x8b)
        {
            using var gz = new GZipStream(new MemoryStream(all), CompressionMode.Decompress);
            using var ms = new MemoryStream();
            try
            {
                gz.CopyTo(ms);
            }
            catch (InvalidDataException e)
            {
                throw new ExpressionTableFormatException(path, 0, $"is not valid gzip: {e.Message}");
            }

            all = ms.ToArray();
        }

        string text = Encoding.UTF8.GetString(all).TrimStart('\uFEFF');
        string? firstData = text.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'));
        char delimiter = firstData is not null && firstData.Contains('\t') ? '\t' : ',';
        return new DelimitedLines(path, text, delimiter);
    }

    /// <summary>The next data row (comments and blank lines skipped), or null at the end.</summary>
    public (long Line, string[] Fields)? Next()
    {
        while (true)
        {
            try
            {
                if (!_reader.Read())
                {
                    return null;
                }
            }
            catch (CsvFormatException e)
            {
                throw Error(0, $"malformed CSV: {e.Message}");
            }

            string[] fields = new string[_reader.FieldCount];
            for (int i = 0; i < fields.Length; i++)
            {
                fields[i] = _reader.GetString(i) ?? string.Empty;
            }

            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            return (_reader.LineNumber, fields);
        }
    }

    /// <summary>A failure at <paramref name="line"/>.</summary>
    public ExpressionTableFormatException Error(long line, string problem) => new(FilePath, line, problem);

    /// <summary>Parses a non-negative finite number or throws naming the line and column.</summary>
    public double Number(long line, string text, string column)
    {
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw Error(line, $"column '{column}': '{text}' is not a number");
        }

        if (value < 0)
        {
            throw Error(line, $"column '{column}': {text} is negative");
        }

        return value;
    }

    public void Dispose() => _reader.Dispose();
}
