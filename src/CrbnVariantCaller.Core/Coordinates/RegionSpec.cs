using System.Globalization;

namespace CrbnVariantCaller.Core.Coordinates;

/// <summary>
/// A region as a user writes it, samtools style: <c>chr3</c>, <c>chr3:100</c> (from 100 to the contig end),
/// <c>chr3:3,149,633-3,179,717</c>, <c>chr3:-500</c>, or <c>{HLA-A*01:01}:1-10</c> for names that contain colons.
/// The end is open (<see cref="End"/> is null) when the string gives none.
/// </summary>
public sealed record RegionSpec(string Contig, Position Start, Position? End)
{
    /// <summary>
    /// Parses a region string. <paramref name="isKnownContig"/> resolves names that themselves contain a colon
    /// (as htslib does): when the whole string is a known contig name, it is taken as that contig.
    /// </summary>
    /// <exception cref="FormatException">The string is not a valid region.</exception>
    public static RegionSpec Parse(string text, Func<string, bool>? isKnownContig = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            throw new FormatException("Empty region string.");
        }

        string contig;
        string? range;
        if (text[0] == '{')
        {
            int close = text.IndexOf('}');
            if (close < 0)
            {
                throw new FormatException($"Region '{text}': unbalanced '{{'.");
            }

            contig = text[1..close];
            string rest = text[(close + 1)..];
            if (rest.Length == 0)
            {
                range = null;
            }
            else if (rest[0] == ':')
            {
                range = rest[1..];
            }
            else
            {
                throw new FormatException($"Region '{text}': expected ':' after '}}'.");
            }
        }
        else if (text.LastIndexOf(':') is int lastColon && lastColon < 0)
        {
            contig = text;
            range = null;
        }
        else if (isKnownContig is not null && isKnownContig(text))
        {
            // The whole string names a contig; as in htslib, it is ambiguous if the part before the last colon does too.
            if (isKnownContig(text[..lastColon]))
            {
                throw new FormatException(
                    $"Region '{text}' is ambiguous: use {{{text}}} or {{{text[..lastColon]}}}{text[lastColon..]}.");
            }

            contig = text;
            range = null;
        }
        else
        {
            contig = text[..lastColon];
            range = text[(lastColon + 1)..];
        }

        if (contig.Length == 0)
        {
            throw new FormatException($"Region '{text}': empty contig name.");
        }

        if (range is null || range.Length == 0)
        {
            return new RegionSpec(contig, new Position(1), null);
        }

        string cleaned = range.Replace(",", string.Empty, StringComparison.Ordinal);
        int dash = cleaned.IndexOf('-');
        long start;
        long? end;
        if (dash < 0)
        {
            start = ParseNumber(cleaned, text);
            end = null;
        }
        else
        {
            string left = cleaned[..dash];
            string right = cleaned[(dash + 1)..];
            start = left.Length == 0 ? 1 : ParseNumber(left, text);
            end = right.Length == 0 ? null : ParseNumber(right, text);
        }

        if (start < 1)
        {
            throw new FormatException($"Region '{text}': coordinates are 1-based and must be > 0.");
        }

        if (end is { } e && e < start)
        {
            throw new FormatException($"Region '{text}': end {e} is before start {start}.");
        }

        int startValue = (int)Math.Min(start, int.MaxValue);
        Position? endPosition = end is { } ev ? new Position((int)Math.Min(ev, int.MaxValue)) : null;
        return new RegionSpec(contig, new Position(startValue), endPosition);
    }

    private static long ParseNumber(string s, string whole)
    {
        if (!long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
        {
            throw new FormatException($"Region '{whole}': '{s}' is not a number.");
        }

        return value;
    }

    /// <summary>Resolves an open end against the contig length.</summary>
    public GenomicInterval ToInterval(int contigLength)
    {
        int end = End is { } e ? Math.Min(e.Value, contigLength) : contigLength;
        return new GenomicInterval(Contig, Start, new Position(Math.Max(end, Start.Value)));
    }

    /// <inheritdoc />
    public override string ToString() => End is { } e
        ? string.Create(CultureInfo.InvariantCulture, $"{Contig}:{Start.Value}-{e.Value}")
        : Start.Value == 1 ? Contig : string.Create(CultureInfo.InvariantCulture, $"{Contig}:{Start.Value}");
}
