using System.Globalization;
using System.Text;
using CrbnVariantCaller.Core.Genome;

namespace CrbnVariantCaller.Formats.Fasta;

/// <summary>
/// A FASTA index (<c>.fai</c>, as written by <c>samtools faidx</c>): for every contig its length, the offset of its
/// first base and its line layout. For a bgzipped FASTA the offsets are in the uncompressed data.
/// </summary>
public sealed class FastaIndex
{
    private readonly Dictionary<string, FastaIndexEntry> _byName;

    /// <summary>Creates an index from entries in file order.</summary>
    /// <exception cref="ArgumentException">Two entries share a name.</exception>
    public FastaIndex(IEnumerable<FastaIndexEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries.ToArray();
        _byName = new Dictionary<string, FastaIndexEntry>(Entries.Count, StringComparer.Ordinal);
        foreach (FastaIndexEntry e in Entries)
        {
            if (!_byName.TryAdd(e.Name, e))
            {
                throw new ArgumentException($"Contig {e.Name} appears twice.", nameof(entries));
            }
        }
    }

    /// <summary>The contigs in file order.</summary>
    public IReadOnlyList<FastaIndexEntry> Entries { get; }

    /// <summary>Names and lengths, for <see cref="GenomeBuildDetector"/> and <see cref="ReferenceCompatibility"/>.</summary>
    public IReadOnlyList<ContigInfo> Contigs => Entries.Select(e => new ContigInfo(e.Name, e.Length)).ToArray();

    /// <summary>Finds a contig by exact name.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FastaIndexEntry? entry) =>
        _byName.TryGetValue(name, out entry);

    /// <summary>Reads a <c>.fai</c> file.</summary>
    /// <exception cref="FastaIndexFormatException">A line is malformed.</exception>
    public static FastaIndex Read(string faiPath)
    {
        using StreamReader reader = new(faiPath, Encoding.ASCII);
        return Parse(reader, faiPath);
    }

    /// <summary>Parses <c>.fai</c> text (5 columns; the 6-column FASTQ form is accepted and its quality column ignored).</summary>
    /// <exception cref="FastaIndexFormatException">A line is malformed.</exception>
    public static FastaIndex Parse(TextReader reader, string faiPath)
    {
        ArgumentNullException.ThrowIfNull(reader);
        List<FastaIndexEntry> entries = [];
        HashSet<string> seen = new(StringComparer.Ordinal);
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            FastaIndexEntry entry = ParseLine(line, faiPath, lineNumber);
            if (!seen.Add(entry.Name))
            {
                throw new FastaIndexFormatException(faiPath, $"line {lineNumber}: contig {entry.Name} is listed twice");
            }

            entries.Add(entry);
        }

        return new FastaIndex(entries);
    }

    /// <summary>
    /// Builds the index of a FASTA from its (uncompressed) bytes, following samtools' rules: every line of a sequence
    /// has the same length except the last; empty sequences are left out.
    /// </summary>
    /// <param name="read">Fills a buffer with the next bytes and returns how many, 0 at the end.</param>
    /// <param name="fastaPath">The file name for error messages.</param>
    /// <exception cref="FastaFormatException">The FASTA is malformed.</exception>
    public static FastaIndex Build(Func<Span<byte>, int> read, string fastaPath)
    {
        ArgumentNullException.ThrowIfNull(read);
        FastaIndexBuilder builder = new(fastaPath);
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            int n;
            while ((n = read(buffer)) > 0)
            {
                builder.Append(buffer.AsSpan(0, n));
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        return new FastaIndex(builder.Complete());
    }

    /// <summary>Builds the index of a plain (uncompressed) FASTA file.</summary>
    /// <exception cref="FastaFormatException">The FASTA is malformed.</exception>
    public static FastaIndex Build(string fastaPath)
    {
        using FileStream stream = new(fastaPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Build(span => stream.Read(span), fastaPath);
    }

    /// <summary>Writes the index in <c>.fai</c> form (identical to what samtools faidx writes).</summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (FastaIndexEntry e in Entries)
        {
            writer.Write(e.ToString());
            writer.Write('\n');
        }
    }

    // Positions are 32-bit in BAM and in crbn's coordinates; a BGZF offset has 48 bits. With both bounds, an entry's byte
    // arithmetic (offset + length / line bases * line width) cannot overflow.
    private const long MaxContigLength = int.MaxValue;
    private const long MaxOffset = 1L << 48;

    private static FastaIndexEntry ParseLine(string line, string faiPath, int lineNumber)
    {
        ReadOnlySpan<char> rest = line.AsSpan();
        Span<Range> parts = stackalloc Range[7];
        int count = rest.Split(parts, '\t');
        if (count is not (5 or 6))
        {
            throw new FastaIndexFormatException(faiPath, $"line {lineNumber}: expected 5 tab-separated columns (name, length, offset, line bases, line width), found {count}");
        }

        string name = rest[parts[0]].ToString(); // may be empty: samtools indexes a bare '>' line
        long length = Number(rest[parts[1]], "length");
        long offset = Number(rest[parts[2]], "offset");
        long lineBases = Number(rest[parts[3]], "line bases");
        long lineWidth = Number(rest[parts[4]], "line width");
        if (length > MaxContigLength || offset > MaxOffset)
        {
            throw new FastaIndexFormatException(
                faiPath,
                string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: {name} has length {length} and offset {offset}, beyond any FASTA crbn can read (contigs up to {MaxContigLength} bp, files up to 2^48 bytes)"));
        }

        if (lineBases < 1 || lineWidth < lineBases || lineWidth > int.MaxValue || (length < 1))
        {
            throw new FastaIndexFormatException(
                faiPath,
                string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: {name} has an impossible layout (length {length}, {lineBases} bases per {lineWidth}-byte line)"));
        }

        return new FastaIndexEntry(name, length, offset, (int)lineBases, (int)lineWidth);

        long Number(ReadOnlySpan<char> text, string what) =>
            long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value)
                ? value
                : throw new FastaIndexFormatException(faiPath, $"line {lineNumber}: {what} '{text}' is not a non-negative integer");
    }
}
