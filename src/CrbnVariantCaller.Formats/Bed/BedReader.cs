using System.Globalization;
using CrbnVariantCaller.Core.Coordinates;

namespace CrbnVariantCaller.Formats.Bed;

/// <summary>
/// Reads the first four columns of a BED file (UCSC: <c>chrom</c>, 0-based <c>chromStart</c>, exclusive
/// <c>chromEnd</c>, optional <c>name</c>). <c>track</c>, <c>browser</c> and <c>#</c> lines and blank lines are skipped;
/// any other line that does not parse is an error naming the line.
/// </summary>
public static class BedReader
{
    /// <summary>Reads every interval of the BED file at <paramref name="path"/> (plain text).</summary>
    /// <exception cref="BedFormatException">A line is malformed, or the file has no interval.</exception>
    public static IReadOnlyList<BedRecord> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var text = new StreamReader(path);
        return Read(text, path);
    }

    /// <summary>Reads every interval from <paramref name="text"/>; <paramref name="path"/> names the file in errors.</summary>
    public static IReadOnlyList<BedRecord> Read(TextReader text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<BedRecord>();
        long lineNumber = 0;
        while (text.ReadLine() is { } line)
        {
            lineNumber++;
            ReadOnlySpan<char> span = line.AsSpan().TrimEnd('\r');
            if (span.IsWhiteSpace() || span[0] == '#' || span.StartsWith("track") || span.StartsWith("browser"))
            {
                continue;
            }

            records.Add(ParseLine(span, path, lineNumber));
        }

        if (records.Count == 0)
        {
            throw new BedFormatException(path, 0, "the BED file holds no interval");
        }

        return records;
    }

    private static BedRecord ParseLine(ReadOnlySpan<char> line, string path, long lineNumber)
    {
        Span<Range> fields = stackalloc Range[5];
        int count = line.Split(fields, '\t');
        if (count < 3)
        {
            throw new BedFormatException(path, lineNumber, $"expected at least 3 tab-separated columns (chrom, start, end), found {count}");
        }

        ReadOnlySpan<char> chrom = line[fields[0]];
        if (chrom.IsEmpty)
        {
            throw new BedFormatException(path, lineNumber, "the chromosome name is empty");
        }

        if (!int.TryParse(line[fields[1]], NumberStyles.None, CultureInfo.InvariantCulture, out int start))
        {
            throw new BedFormatException(path, lineNumber, $"start '{line[fields[1]]}' is not a non-negative integer");
        }

        if (!int.TryParse(line[fields[2]], NumberStyles.None, CultureInfo.InvariantCulture, out int end))
        {
            throw new BedFormatException(path, lineNumber, $"end '{line[fields[2]]}' is not a non-negative integer");
        }

        if (end <= start)
        {
            throw new BedFormatException(path, lineNumber, $"end {end} is not after start {start} (BED intervals are 0-based, end exclusive)");
        }

        string? name = count >= 4 && !line[fields[3]].IsEmpty ? line[fields[3]].ToString() : null;
        return new BedRecord(new GenomicInterval(chrom.ToString(), Position.FromZeroBased(start), new Position(end)), name);
    }
}
