using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.Formats.Bgzf;
using Microsoft.Win32.SafeHandles;

namespace CrbnVariantCaller.Formats.Fasta;

/// <summary>
/// Random access to a reference FASTA through its <c>.fai</c> index, like <c>samtools faidx</c>: plain FASTA, or
/// bgzip-compressed FASTA with its <c>.gzi</c> block index. Returns bases as stored (or upper-cased, see
/// <see cref="FastaReaderOptions.UpperCase"/>), without line breaks.
/// </summary>
/// <remarks>Thread-safe: plain files are read with positional reads; bgzipped ones serialise fetches.</remarks>
public sealed class IndexedFastaReader : IDisposable
{
    private readonly FastaReaderOptions _options;
    private readonly SafeFileHandle? _plain;
    private readonly long _plainLength;
    private readonly BgzfReader? _bgzf;
    private readonly GziIndex? _gzi;
    private readonly Lock _bgzfLock = new();

    private IndexedFastaReader(string path, FastaIndex index, FastaReaderOptions options, SafeFileHandle? plain, BgzfReader? bgzf, GziIndex? gzi)
    {
        FilePath = path;
        Index = index;
        _options = options;
        _plain = plain;
        _plainLength = plain is null ? 0 : RandomAccess.GetLength(plain);
        _bgzf = bgzf;
        _gzi = gzi;
    }

    /// <summary>The FASTA file, as the caller named it.</summary>
    public string FilePath { get; }

    /// <summary>The <c>.fai</c> index.</summary>
    public FastaIndex Index { get; }

    /// <summary>True when the file is bgzip-compressed.</summary>
    public bool IsBgzipped => _bgzf is not null;

    /// <summary>Contig names and lengths, in file order.</summary>
    public IReadOnlyList<ContigInfo> Contigs => Index.Contigs;

    /// <summary>
    /// Opens a FASTA with <c>PATH.fai</c> beside it; a bgzipped FASTA also needs <c>PATH.gzi</c>.
    /// </summary>
    /// <exception cref="FileNotFoundException">The FASTA itself does not exist.</exception>
    /// <exception cref="FastaIndexMissingException">No <c>.fai</c> (and <see cref="FastaReaderOptions.BuildMissingIndex"/> is off or the file is compressed).</exception>
    /// <exception cref="GziIndexMissingException">A bgzipped FASTA without <c>.gzi</c>.</exception>
    /// <exception cref="FastaFormatException">The file is gzip but not BGZF, or does not fit its index.</exception>
    /// <exception cref="FastaIndexFormatException">An index is malformed.</exception>
    public static IndexedFastaReader Open(string path, FastaReaderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new FastaReaderOptions();
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"reference FASTA {path} does not exist", path);
        }

        Compression compression = DetectCompression(path);
        if (compression == Compression.Gzip)
        {
            throw new FastaFormatException(path, $"the FASTA is gzip-compressed but not with bgzip, so it cannot be read at random; recompress it: zcat {path} | bgzip > REF.fa.gz, then samtools faidx REF.fa.gz");
        }

        string faiPath = path + ".fai";
        FastaIndex index;
        if (File.Exists(faiPath))
        {
            index = FastaIndex.Read(faiPath);
        }
        else if (options.BuildMissingIndex && compression == Compression.None)
        {
            index = FastaIndex.Build(path);
        }
        else
        {
            throw new FastaIndexMissingException(path, faiPath);
        }

        if (compression == Compression.None)
        {
            SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
            try
            {
                IndexedFastaReader reader = new(path, index, options, handle, null, null);
                reader.CheckIndexFitsPlainFile(faiPath);
                return reader;
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }

        string gziPath = path + ".gzi";
        if (!File.Exists(gziPath))
        {
            throw new GziIndexMissingException(path, gziPath);
        }

        GziIndex gzi = GziIndex.Read(gziPath);
        BgzfReader bgzf = new(path);
        return new IndexedFastaReader(path, index, options, null, bgzf, gzi);
    }

    /// <summary>The length of a contig.</summary>
    /// <exception cref="FastaContigNotFoundException">No such contig.</exception>
    public long ContigLength(string contig) => Lookup(contig).Length;

    /// <summary>
    /// Finds the FASTA's name for a contig: the exact name, or the same primary chromosome under the other naming
    /// style (<c>chr3</c> ↔ <c>3</c>, <c>chrM</c> ↔ <c>MT</c>).
    /// </summary>
    public bool TryResolveContig(string name, [NotNullWhen(true)] out string? fastaName)
    {
        if (Index.TryGet(name, out _))
        {
            fastaName = name;
            return true;
        }

        return ContigNames.TryFindEquivalent(name, Index.Entries.Select(e => e.Name), out fastaName);
    }

    /// <summary>Resolves a samtools-style region against this FASTA; an open end runs to the contig end.</summary>
    /// <exception cref="FastaContigNotFoundException">No such contig.</exception>
    /// <exception cref="FastaRegionOutOfRangeException">The region starts or ends past the contig end.</exception>
    public GenomicInterval Resolve(RegionSpec region)
    {
        ArgumentNullException.ThrowIfNull(region);
        FastaIndexEntry entry = Lookup(region.Contig);
        long end = region.End?.Value ?? entry.Length;
        if (region.Start.Value > entry.Length || end > entry.Length)
        {
            throw new FastaRegionOutOfRangeException(FilePath, region.ToString(), entry.Name, entry.Length);
        }

        return new GenomicInterval(entry.Name, region.Start, new Position(checked((int)end)));
    }

    /// <summary>Fetches the bases of an interval into a caller's buffer and returns how many were written (the interval length).</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than the interval.</exception>
    /// <exception cref="FastaContigNotFoundException">No such contig.</exception>
    /// <exception cref="FastaRegionOutOfRangeException">The interval ends past the contig end.</exception>
    /// <exception cref="FastaFormatException">The file does not fit its index.</exception>
    public int Fetch(GenomicInterval interval, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(interval);
        if (destination.Length < interval.Length)
        {
            throw new ArgumentException($"The buffer holds {destination.Length} bytes; {interval} needs {interval.Length}.", nameof(destination));
        }

        FastaIndexEntry entry = Lookup(interval.Contig);
        if (interval.End.Value > entry.Length)
        {
            throw new FastaRegionOutOfRangeException(FilePath, interval.ToString(), entry.Name, entry.Length);
        }

        long first = entry.OffsetOf(interval.Start.ZeroBased);
        long last = entry.OffsetOf(interval.End.ZeroBased);
        long rawLength = last - first + 1;
        if (rawLength > Array.MaxLength)
        {
            throw new ArgumentException($"{interval} is too long to fetch at once.", nameof(interval));
        }

        Span<byte> output = destination[..interval.Length];
        byte[] raw = ArrayPool<byte>.Shared.Rent((int)rawLength);
        try
        {
            Span<byte> rawSpan = raw.AsSpan(0, (int)rawLength);
            ReadRaw(first, rawSpan, interval);
            int written = StripLineBreaks(rawSpan, output);
            if (written != interval.Length)
            {
                throw new FastaFormatException(
                    FilePath,
                    string.Create(CultureInfo.InvariantCulture, $"{interval} gave {written} bases instead of {interval.Length}: the .fai index does not match the file (rebuild it with samtools faidx {FilePath})"));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
        }

        if (_options.UpperCase)
        {
            Ascii.ToUpperInPlace(output, out _);
        }

        return interval.Length;
    }

    /// <summary>Fetches the bases of an interval into a new array.</summary>
    public byte[] Fetch(GenomicInterval interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        byte[] bases = new byte[interval.Length];
        Fetch(interval, bases);
        return bases;
    }

    /// <summary>Fetches the bases of an interval as a string.</summary>
    public string FetchString(GenomicInterval interval) => Encoding.ASCII.GetString(Fetch(interval));

    /// <summary>Fetches a samtools-style region (<c>chr3:3,149,633-3,179,717</c>) as a string.</summary>
    public string FetchString(string region) =>
        FetchString(Resolve(RegionSpec.Parse(region, name => Index.TryGet(name, out _))));

    /// <inheritdoc />
    public void Dispose()
    {
        _plain?.Dispose();
        _bgzf?.Dispose();
    }

    private FastaIndexEntry Lookup(string contig)
    {
        if (Index.TryGet(contig, out FastaIndexEntry? entry))
        {
            return entry;
        }

        string? suggestion = ContigNames.TryFindEquivalent(contig, Index.Entries.Select(e => e.Name), out string? alias) ? alias : null;
        throw new FastaContigNotFoundException(FilePath, contig, Index.Entries.Count, suggestion);
    }

    private void ReadRaw(long offset, Span<byte> destination, GenomicInterval interval)
    {
        int filled = 0;
        if (_plain is not null)
        {
            while (filled < destination.Length)
            {
                int n = RandomAccess.Read(_plain, destination[filled..], offset + filled);
                if (n == 0)
                {
                    break;
                }

                filled += n;
            }
        }
        else
        {
            lock (_bgzfLock)
            {
                VirtualOffset start;
                try
                {
                    start = _gzi!.ToVirtualOffset(offset);
                }
                catch (ArgumentOutOfRangeException)
                {
                    throw new FastaFormatException(FilePath, $"{interval} lies beyond the compressed data: the .fai or .gzi index does not match the file (rebuild both with samtools faidx {FilePath})");
                }

                _bgzf!.Seek(start);
                filled = _bgzf.Read(destination);
            }
        }

        if (filled != destination.Length)
        {
            throw new FastaFormatException(FilePath, $"the file ends inside {interval}: the .fai index does not match the file (rebuild it with samtools faidx {FilePath})");
        }
    }

    private static int StripLineBreaks(ReadOnlySpan<byte> raw, Span<byte> output)
    {
        int written = 0;
        while (!raw.IsEmpty)
        {
            int stop = raw.IndexOfAny((byte)'\n', (byte)'\r');
            ReadOnlySpan<byte> run = stop < 0 ? raw : raw[..stop];
            if (written + run.Length > output.Length)
            {
                return written + run.Length; // more bases than the index promised; reported by the caller
            }

            run.CopyTo(output[written..]);
            written += run.Length;
            raw = stop < 0 ? default : raw[(stop + 1)..];
        }

        return written;
    }

    private void CheckIndexFitsPlainFile(string faiPath)
    {
        foreach (FastaIndexEntry e in Index.Entries)
        {
            if (e.OffsetOf(e.Length - 1) >= _plainLength)
            {
                throw new FastaIndexFormatException(
                    faiPath,
                    string.Create(CultureInfo.InvariantCulture, $"contig {e.Name} ({e.Length:N0} bp) runs past the end of {Path.GetFileName(FilePath)} ({_plainLength:N0} bytes): the index is stale or belongs to another file; rebuild it with samtools faidx {FilePath}"));
            }
        }
    }

    private enum Compression
    {
        None,
        Bgzf,
        Gzip,
    }

    private static Compression DetectCompression(string path)
    {
        Span<byte> head = stackalloc byte[18];
        using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (n < 2 || head[0] != 0x1f || head[1] != 0x8b)
        {
            return Compression.None;
        }

        bool bgzf = n >= 16 && head[2] == 8 && (head[3] & 4) != 0 && head[12] == (byte)'B' && head[13] == (byte)'C';
        return bgzf ? Compression.Bgzf : Compression.Gzip;
    }
}
