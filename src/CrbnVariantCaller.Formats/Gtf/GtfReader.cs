using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Formats.Gtf;

/// <summary>
/// Streams the feature lines of a GTF or GFF3 file, plain or gzip/bgzip-compressed. The dialect is detected from a
/// <c>##gff-version 3</c> directive, else from the first attribute column, else from the file name. Comment and
/// directive lines are skipped; a GFF3 <c>##FASTA</c> section ends the features. Malformed lines throw
/// <see cref="GtfFormatException"/> naming the file and line.
/// </summary>
public sealed class GtfReader : IDisposable
{
    private readonly TextReader _text;
    private readonly GtfReaderOptions _options;
    private readonly Queue<string> _peeked = new();
    private long _lineNumber;
    private bool _done;

    /// <summary>Reads from a stream (compressed or not); <paramref name="displayName"/> is used in messages and for the dialect fallback.</summary>
    public GtfReader(Stream stream, string displayName, GtfReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(displayName);
        FilePath = displayName;
        _options = options ?? new GtfReaderOptions();
        _text = new StreamReader(Decompress(stream), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        Format = _options.Format ?? DetectFormat();
    }

    /// <summary>The file, as the caller named it.</summary>
    public string FilePath { get; }

    /// <summary>The dialect being read.</summary>
    public AnnotationFormat Format { get; }

    /// <summary>Opens a file.</summary>
    public static GtfReader Open(string path, GtfReaderOptions? options = null) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), path, options);

    /// <summary>Reads the next feature that passes the filters; false at the end.</summary>
    /// <exception cref="GtfFormatException">A line is malformed.</exception>
    public bool TryRead([NotNullWhen(true)] out GtfRecord? record)
    {
        while (NextLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                if (line.StartsWith("##FASTA", StringComparison.Ordinal))
                {
                    _done = true;
                    break;
                }

                continue;
            }

            record = ParseLine(line);
            if (record is not null)
            {
                return true;
            }
        }

        record = null;
        return false;
    }

    /// <summary>Every remaining feature that passes the filters.</summary>
    public IEnumerable<GtfRecord> ReadAll()
    {
        while (TryRead(out GtfRecord? record))
        {
            yield return record;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _text.Dispose();

    private string? NextLine()
    {
        if (_peeked.TryDequeue(out string? peeked))
        {
            _lineNumber++;
            return peeked;
        }

        if (_done)
        {
            return null;
        }

        string? line = _text.ReadLine();
        if (line is not null)
        {
            _lineNumber++;
        }

        return line;
    }

    private AnnotationFormat DetectFormat()
    {
        AnnotationFormat? fromContent = null;
        for (int i = 0; i < 1000 && fromContent is null; i++)
        {
            string? line = _text.ReadLine();
            if (line is null)
            {
                break;
            }

            _peeked.Enqueue(line);
            if (line.StartsWith("##gff-version", StringComparison.Ordinal))
            {
                fromContent = line.AsSpan(13).Trim().StartsWith("3") ? AnnotationFormat.Gff3 : AnnotationFormat.Gtf;
            }
            else if (line.Length > 0 && line[0] != '#')
            {
                int lastTab = line.LastIndexOf('\t');
                string attributes = lastTab < 0 ? string.Empty : line[(lastTab + 1)..];
                if (attributes.Contains('"') || System.Text.RegularExpressions.Regex.IsMatch(attributes, @"^\s*\w+ \S"))
                {
                    fromContent = AnnotationFormat.Gtf;
                }
                else if (attributes.Contains('='))
                {
                    fromContent = AnnotationFormat.Gff3;
                }
            }
        }

        if (fromContent is { } found)
        {
            return found;
        }

        string name = FilePath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? FilePath[..^3] : FilePath;
        return name.EndsWith(".gff3", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".gff", StringComparison.OrdinalIgnoreCase)
            ? AnnotationFormat.Gff3
            : AnnotationFormat.Gtf;
    }

    private GtfRecord? ParseLine(string line)
    {
        ReadOnlySpan<char> s = line;
        Span<Range> cols = stackalloc Range[10];
        int count = s.Split(cols, '\t');
        if (count < 8)
        {
            throw Error($"expected 9 tab-separated columns, found {count}");
        }

        if (count > 9)
        {
            // Split stops at 10 ranges; a 10th column means stray tabs.
            throw Error("more than 9 tab-separated columns");
        }

        ReadOnlySpan<char> type = s[cols[2]];
        if (_options.FeatureTypes is { } types && !types.Contains(type.ToString()))
        {
            return null;
        }

        string contig = s[cols[0]].ToString();
        if (contig.Length == 0)
        {
            throw Error("empty sequence name in column 1");
        }

        int start = ParseCoordinate(s[cols[3]], "start");
        int end = ParseCoordinate(s[cols[4]], "end");
        if (end < start)
        {
            throw Error(string.Create(CultureInfo.InvariantCulture, $"end {end} is before start {start}"));
        }

        GenomicInterval interval = new(contig, new Position(start), new Position(end));
        if (_options.Region is { } region && !region.Overlaps(interval))
        {
            return null;
        }

        double? score = null;
        ReadOnlySpan<char> scoreText = s[cols[5]];
        if (!scoreText.SequenceEqual("."))
        {
            score = double.TryParse(scoreText, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
                ? v
                : throw Error($"score '{scoreText}' is not a number or '.'");
        }

        Strand strand = s[cols[6]] switch
        {
            "+" => Strand.Plus,
            "-" => Strand.Minus,
            "." or "?" => Strand.Unknown,
            var other => throw Error($"strand '{other}' is not +, - or ."),
        };

        int? phase = s[cols[7]] switch
        {
            "." => null,
            "0" => 0,
            "1" => 1,
            "2" => 2,
            var other => throw Error($"phase '{other}' is not 0, 1, 2 or ."),
        };

        ReadOnlySpan<char> attributeText = count == 9 ? s[cols[8]] : default;
        GtfAttributes attributes = Format == AnnotationFormat.Gtf ? ParseGtfAttributes(attributeText) : ParseGff3Attributes(attributeText);
        return new GtfRecord(interval, s[cols[1]].ToString(), type.ToString(), score, strand, phase, attributes, _lineNumber);
    }

    private int ParseCoordinate(ReadOnlySpan<char> text, string what) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= 1
            ? value
            : throw Error($"{what} '{text}' is not a positive integer");

    private GtfAttributes ParseGtfAttributes(ReadOnlySpan<char> s)
    {
        List<KeyValuePair<string, string>> pairs = [];
        int i = 0;
        while (true)
        {
            while (i < s.Length && (s[i] == ' ' || s[i] == ';'))
            {
                i++;
            }

            if (i >= s.Length || s[i] == '#')
            {
                break; // end, or a trailing comment
            }

            int keyStart = i;
            while (i < s.Length && s[i] != ' ' && s[i] != ';')
            {
                i++;
            }

            string key = s[keyStart..i].ToString();
            while (i < s.Length && s[i] == ' ')
            {
                i++;
            }

            string value;
            if (i < s.Length && s[i] == '"')
            {
                int close = s[(i + 1)..].IndexOf('"');
                if (close < 0)
                {
                    throw Error($"attribute {key} has an unterminated quoted value");
                }

                value = s.Slice(i + 1, close).ToString();
                i += close + 2;
            }
            else
            {
                int valueStart = i;
                while (i < s.Length && s[i] != ';')
                {
                    i++;
                }

                value = s[valueStart..i].TrimEnd(' ').ToString();
            }

            if (i < s.Length && s[i] != ';' && s[i] != ' ')
            {
                throw Error($"attribute {key}: expected ';' after the value");
            }

            pairs.Add(new KeyValuePair<string, string>(key, value));
        }

        return new GtfAttributes(pairs);
    }

    private GtfAttributes ParseGff3Attributes(ReadOnlySpan<char> s)
    {
        List<KeyValuePair<string, string>> pairs = [];
        foreach (Range r in s.Split(';'))
        {
            ReadOnlySpan<char> item = s[r].Trim();
            if (item.IsEmpty || item.SequenceEqual("."))
            {
                continue;
            }

            int eq = item.IndexOf('=');
            if (eq <= 0)
            {
                throw Error($"GFF3 attribute '{item}' is not key=value");
            }

            string key = Unescape(item[..eq]);
            ReadOnlySpan<char> values = item[(eq + 1)..];
            foreach (Range v in values.Split(','))
            {
                pairs.Add(new KeyValuePair<string, string>(key, Unescape(values[v])));
            }
        }

        return new GtfAttributes(pairs);
    }

    private static string Unescape(ReadOnlySpan<char> text) =>
        text.Contains('%') ? Uri.UnescapeDataString(text.ToString()) : text.ToString();

    private GtfFormatException Error(string problem) => new(FilePath, _lineNumber, problem);

    private static Stream Decompress(Stream stream)
    {
        BufferedStream buffered = new(stream, 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        int n = buffered.CanSeek ? buffered.ReadAtLeast(magic, 2, throwOnEndOfStream: false) : 0;
        if (buffered.CanSeek)
        {
            buffered.Seek(-n, SeekOrigin.Current);
        }

        return n == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(buffered, CompressionMode.Decompress) : buffered;
    }
}
