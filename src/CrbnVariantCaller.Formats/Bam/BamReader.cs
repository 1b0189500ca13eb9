using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using System.Text;
using CrbnVariantCaller.Core.Coordinates;
using CrbnVariantCaller.Formats.Bam.Index;
using CrbnVariantCaller.Formats.Bgzf;

namespace CrbnVariantCaller.Formats.Bam;

/// <summary>
/// Reads a BAM file: the header at open, then alignment records, either in file order (<see cref="ReadRecord"/>) or
/// for a region through its BAI/CSI index (<see cref="Query(RegionSpec)"/>) with samtools' overlap semantics.
/// Records are refilled into caller-owned <see cref="BamRecord"/> instances; nothing is allocated per record.
/// </summary>
/// <remarks>Not thread-safe. One reader serves one consumer; a query and sequential reading share the file position.</remarks>
public sealed class BamReader : IDisposable
{
    private const int BufferSize = 1 << 17;

    // Buffers sized from a length in the file grow by at most this much, or doubling, ahead of the bytes actually read.
    private const int GrowthStep = 1 << 16;

    // Keeps 4 + block_size and the read-ahead arithmetic inside int; a real record is far smaller.
    private const int MaxBlockSize = int.MaxValue - (1 << 20);
    private static readonly TimeSpan IndexAgeTolerance = TimeSpan.FromSeconds(2);
    private static ReadOnlySpan<byte> Magic => "BAM\u0001"u8;

    private readonly BgzfReader _bgzf;
    private byte[] _buffer = new byte[BufferSize];
    private int _bufferStart;
    private int _bufferEnd;
    private BamIndex? _index;

    /// <summary>Opens a BAM file and reads its header.</summary>
    /// <param name="path">The BAM file.</param>
    /// <param name="threads">BGZF inflate threads (samtools <c>-@</c>); 1 inflates on the calling thread.</param>
    /// <exception cref="BamMagicException">The decompressed data does not start with <c>BAM\1</c>.</exception>
    /// <exception cref="BamTruncatedException">The header is cut short.</exception>
    /// <exception cref="Core.Errors.InvalidInputFileException">Any other BGZF or header problem.</exception>
    public BamReader(string path, int threads = 1)
        : this(path, new BgzfReaderOptions { Threads = threads })
    {
    }

    /// <summary>Opens a BAM file with explicit BGZF options.</summary>
    public BamReader(string path, BgzfReaderOptions options)
        : this(new BgzfReader(path, options))
    {
    }

    /// <summary>Reads BAM through an already opened BGZF reader, which this reader then owns and disposes.</summary>
    public BamReader(BgzfReader bgzf)
    {
        ArgumentNullException.ThrowIfNull(bgzf);
        _bgzf = bgzf;
        FilePath = bgzf.FilePath;
        try
        {
            Header = ReadHeader();
            FirstRecordOffset = _bgzf.Position;
        }
        catch
        {
            _bgzf.Dispose();
            throw;
        }
    }

    /// <summary>The BAM file, as named by the caller.</summary>
    public string FilePath { get; }

    /// <summary>The header: text and reference list.</summary>
    public SamHeader Header { get; }

    /// <summary>The virtual offset of the first alignment record.</summary>
    public VirtualOffset FirstRecordOffset { get; }

    /// <summary>The index used by region queries, once loaded by <see cref="LoadIndex"/> or the first query.</summary>
    public BamIndex? Index => _index;

    /// <summary>
    /// Refills <paramref name="record"/> with the next record in file order. Returns false at the clean end of the data.
    /// </summary>
    /// <exception cref="BamTruncatedException">The data ends inside a record.</exception>
    /// <exception cref="BamFormatException">The record's lengths are inconsistent.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool ReadRecord(BamRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!EnsureBuffered(4))
        {
            if (_bufferEnd == _bufferStart)
            {
                return false;
            }

            throw Truncated($"data ends {_bufferEnd - _bufferStart} bytes into a record's 4-byte length");
        }

        int size = BinaryPrimitives.ReadInt32LittleEndian(_buffer.AsSpan(_bufferStart));
        CheckBlockSize(size);
        if (!EnsureBuffered(4 + size))
        {
            throw Truncated($"data ends {_bufferEnd - _bufferStart - 4} bytes into a {size}-byte record");
        }

        _buffer.AsSpan(_bufferStart + 4, size).CopyTo(record.PrepareBuffer(size, FilePath));
        _bufferStart += 4 + size;
        record.Validate();
        return true;
    }

    /// <summary>
    /// Iterates over the remaining records in file order. The same <see cref="BamRecord"/> instance is yielded each time,
    /// refilled; copy it (<see cref="BamRecord.CopyTo"/>) to keep one.
    /// </summary>
    public IEnumerable<BamRecord> Records()
    {
        var record = new BamRecord();
        while (ReadRecord(record))
        {
            yield return record;
        }
    }

    /// <summary>
    /// Counts the remaining records without decoding them (<c>samtools view -c</c>): only each record's length is read.
    /// </summary>
    /// <exception cref="BamTruncatedException">The data ends inside a record.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long CountRecords()
    {
        var scan = new RecordCountScan();
        scan.Scan(_buffer.AsSpan(_bufferStart, _bufferEnd - _bufferStart), this);
        _bufferStart = _bufferEnd = 0;

        // The rest is counted in place, block by block, without copying the data out of the BGZF reader.
        for (ReadOnlySpan<byte> block = _bgzf.PeekBlock(); !block.IsEmpty; block = _bgzf.PeekBlock())
        {
            scan.Scan(block, this);
            _bgzf.Advance(block.Length);
        }

        if (scan.PendingLengthBytes > 0)
        {
            throw Truncated($"data ends {scan.PendingLengthBytes} bytes into a record's 4-byte length");
        }

        if (scan.Skip > 0)
        {
            throw Truncated($"data ends {scan.CurrentSize - scan.Skip} bytes into a {scan.CurrentSize}-byte record");
        }

        return scan.Count;
    }

    /// <summary>Walks record lengths across arbitrary chunk boundaries: the state carried from one chunk to the next.</summary>
    private struct RecordCountScan
    {
        private uint _length;

        public long Count;
        public long Skip;
        public int CurrentSize;
        public int PendingLengthBytes;

        public void Scan(ReadOnlySpan<byte> data, BamReader owner)
        {
            int p = 0;
            while (p < data.Length)
            {
                if (Skip > 0)
                {
                    int n = (int)Math.Min(Skip, data.Length - p);
                    p += n;
                    Skip -= n;
                    continue;
                }

                int size;
                if (PendingLengthBytes == 0 && data.Length - p >= 4)
                {
                    size = BinaryPrimitives.ReadInt32LittleEndian(data[p..]);
                    p += 4;
                }
                else
                {
                    // The 4-byte length straddles two chunks: gather it byte by byte (little-endian).
                    _length |= (uint)data[p++] << (8 * PendingLengthBytes);
                    if (++PendingLengthBytes < 4)
                    {
                        continue;
                    }

                    size = (int)_length;
                    _length = 0;
                    PendingLengthBytes = 0;
                }

                owner.CheckBlockSize(size);
                CurrentSize = size;
                Skip = size;
                Count++;
            }
        }
    }

    /// <summary>
    /// Loads the index for region queries: <paramref name="indexPath"/> when given, else the first of
    /// <c>X.bam.bai</c>, <c>X.bai</c>, <c>X.bam.csi</c>, <c>X.csi</c> that exists.
    /// </summary>
    /// <exception cref="BamIndexMissingException">No index was found.</exception>
    /// <exception cref="BamIndexStaleException">The index is older than the BAM or lists a different number of references.</exception>
    /// <exception cref="BamIndexFormatException">The index is malformed.</exception>
    public BamIndex LoadIndex(string? indexPath = null)
    {
        string path;
        if (indexPath is not null)
        {
            if (!File.Exists(indexPath))
            {
                throw new BamIndexMissingException(FilePath, [indexPath]);
            }

            path = indexPath;
        }
        else
        {
            string[] candidates = IndexCandidates(FilePath);
            path = candidates.FirstOrDefault(File.Exists) ?? throw new BamIndexMissingException(FilePath, candidates);
        }

        // Copies and checkouts write a BAM and its index microseconds apart in either order, so only an index that is
        // clearly older (by more than IndexAgeTolerance) is taken as stale.
        if (File.Exists(FilePath) && File.GetLastWriteTimeUtc(path) < File.GetLastWriteTimeUtc(FilePath) - IndexAgeTolerance)
        {
            throw new BamIndexStaleException(
                path, $"index is older than the BAM file {FilePath}; re-run 'samtools index'");
        }

        BamIndex index = BamIndex.Load(path);
        if (index.ReferenceCount != Header.References.Count)
        {
            throw new BamIndexStaleException(
                path, $"index describes {index.ReferenceCount} reference sequences but the BAM header has {Header.References.Count}; it belongs to another file or is stale");
        }

        _index = index;
        return index;
    }

    /// <summary>
    /// Records overlapping a samtools-style region string (<c>chr3</c>, <c>chr3:100-200</c>, <c>{a:b}:1-10</c>),
    /// or the unplaced unmapped records for <c>*</c>.
    /// </summary>
    public BamQuery Query(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region == "*" ? QueryUnplaced() : Query(RegionSpec.Parse(region, Header.HasReference));
    }

    /// <summary>Records overlapping <paramref name="region"/> (1-based closed; an open end means to the contig's end).</summary>
    /// <exception cref="UnknownContigException">The contig is not in the header.</exception>
    public BamQuery Query(RegionSpec region)
    {
        ArgumentNullException.ThrowIfNull(region);
        int id = Header.GetReferenceId(region.Contig);
        if (id < 0)
        {
            throw new UnknownContigException(FilePath, region.Contig);
        }

        long end = region.End is { } e ? e.Value : long.MaxValue;
        return Query(id, region.Start.ZeroBased, end);
    }

    /// <summary>
    /// Records of reference <paramref name="referenceId"/> whose span (POS over M/D/N/=/X, or 1 base for unmapped or
    /// CIGAR-less reads) overlaps the 0-based half-open interval [<paramref name="startZeroBased"/>, <paramref name="endZeroBasedExclusive"/>),
    /// in file order, exactly as <c>samtools view</c> selects them.
    /// </summary>
    /// <exception cref="BamIndexMissingException">No index was found.</exception>
    /// <exception cref="BamUnsortedException">The header declares the BAM unsorted or sorted by name.</exception>
    public BamQuery Query(int referenceId, long startZeroBased, long endZeroBasedExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(referenceId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(referenceId, Header.References.Count);
        BamIndex index = PrepareQuery();
        IReadOnlyList<IndexChunk> chunks = index.GetChunks(referenceId, startZeroBased, endZeroBasedExclusive);
        return new BamQuery(this, chunks, referenceId, Math.Max(0, startZeroBased), endZeroBasedExclusive);
    }

    /// <summary>The unplaced unmapped records at the end of a sorted BAM (<c>samtools view file.bam '*'</c>).</summary>
    public BamQuery QueryUnplaced()
    {
        BamIndex index = PrepareQuery();
        VirtualOffset? start = index.UnplacedStart();
        if (start is null && index.UnplacedUnmappedCount is > 0)
        {
            start = FirstRecordOffset;
        }

        return BamQuery.Unplaced(this, start);
    }

    /// <inheritdoc />
    public void Dispose() => _bgzf.Dispose();

    /// <summary>Moves to a virtual offset and drops buffered data; further reads go record by record from there.</summary>
    internal void SeekDirect(VirtualOffset offset)
    {
        _bufferStart = _bufferEnd = 0;
        _bgzf.Seek(offset);
    }

    /// <summary>Reads one record straight from BGZF (no read-ahead), so <see cref="BgzfReader.Position"/> stays exact.</summary>
    internal bool ReadRecordDirect(BamRecord record, out VirtualOffset start)
    {
        if (_bufferEnd != _bufferStart)
        {
            throw new InvalidOperationException("direct reads need an empty read-ahead buffer; seek first");
        }

        start = _bgzf.Position;
        Span<byte> lengthBytes = stackalloc byte[4];
        try
        {
            if (!_bgzf.TryReadExactly(lengthBytes))
            {
                return false;
            }

            int size = BinaryPrimitives.ReadInt32LittleEndian(lengthBytes);
            CheckBlockSize(size);

            // The record buffer grows only as bytes arrive, so a corrupt block_size cannot allocate gigabytes.
            int have = Math.Min(size, GrowthStep);
            _bgzf.ReadExactly(record.PrepareBuffer(have, FilePath));
            while (have < size)
            {
                int next = (int)Math.Min(size, 2L * have);
                _bgzf.ReadExactly(record.GrowBuffer(next)[have..]);
                have = next;
            }
        }
        catch (BgzfTruncatedException ex)
        {
            throw new BamTruncatedException(FilePath, $"data ends inside the record at {start}", ex);
        }

        record.Validate();
        return true;
    }

    /// <summary>The virtual offset of the next unread byte when no read-ahead is buffered.</summary>
    internal VirtualOffset DirectPosition => _bgzf.Position;

    private BamIndex PrepareQuery()
    {
        string? order = Header.SortOrder;
        if (order is "unsorted" or "queryname")
        {
            throw new BamUnsortedException(
                FilePath, $"region queries need a coordinate-sorted BAM, but the header declares SO:{order}; run 'samtools sort' and 'samtools index'");
        }

        return _index ?? LoadIndex();
    }

    private static string[] IndexCandidates(string bamPath)
    {
        string withoutExtension = bamPath.EndsWith(".bam", StringComparison.OrdinalIgnoreCase) ? bamPath[..^4] : bamPath;
        return [bamPath + ".bai", withoutExtension + ".bai", bamPath + ".csi", withoutExtension + ".csi"];
    }

    private SamHeader ReadHeader()
    {
        Span<byte> four = stackalloc byte[4];
        int got = _bgzf.Read(four);
        if (got < 4 || !four.SequenceEqual(Magic))
        {
            throw new BamMagicException(FilePath, four[..got]);
        }

        int lText = ReadHeaderInt32("header text length");
        if (lText < 0)
        {
            throw new BamFormatException(FilePath, $"header text length is negative ({lText})");
        }

        byte[] textBytes = ReadHeaderBlock(lText, "header text");
        CheckHeaderLines(textBytes);

        int nRef = ReadHeaderInt32("number of references");
        if (nRef < 0)
        {
            throw new BamFormatException(FilePath, $"number of references is negative ({nRef})");
        }

        // Each reference takes at least 9 bytes, which the count cannot be checked against before they are read; the
        // list grows as references arrive instead of being sized from a count that may be corrupt.
        var refs = new List<SamReference>(Math.Min(nRef, 1024));
        for (int i = 0; i < nRef; i++)
        {
            int lName = ReadHeaderInt32("reference name length");
            if (lName < 1)
            {
                throw new BamFormatException(FilePath, $"reference {i} has name length {lName}");
            }

            byte[] nameBytes = ReadHeaderBlock(lName, "reference name");
            int end = Array.IndexOf(nameBytes, (byte)0);
            string name = Encoding.UTF8.GetString(nameBytes, 0, end < 0 ? lName : end);
            int lRef = ReadHeaderInt32("reference length");
            refs.Add(new SamReference(name, lRef));
        }

        return new SamHeader(textBytes, [.. refs]);
    }

    // htslib sam_hdr_sanitise: every line before the first NUL must start with '@' (so no blank lines).
    private void CheckHeaderLines(ReadOnlySpan<byte> text)
    {
        byte last = (byte)'\n';
        int line = 0;
        foreach (byte c in text)
        {
            if (c == 0)
            {
                break;
            }

            if (last == (byte)'\n')
            {
                line++;
                if (c != (byte)'@')
                {
                    throw new BamFormatException(FilePath, $"malformed SAM header text: line {line} does not start with '@'");
                }
            }

            last = c;
        }
    }

    private int ReadHeaderInt32(string what)
    {
        Span<byte> b = stackalloc byte[4];
        ReadHeaderBytes(b, what);
        return BinaryPrimitives.ReadInt32LittleEndian(b);
    }

    /// <summary>Reads <paramref name="length"/> header bytes into an array that grows only as the bytes arrive.</summary>
    private byte[] ReadHeaderBlock(int length, string what)
    {
        byte[] bytes = new byte[Math.Min(length, GrowthStep)];
        int have = 0;
        while (true)
        {
            int n = _bgzf.Read(bytes.AsSpan(have));
            have += n;
            if (have == length)
            {
                return bytes;
            }

            if (n == 0)
            {
                throw Truncated($"header is cut short while reading the {what} ({have} of {length} bytes)");
            }

            if (have == bytes.Length)
            {
                Array.Resize(ref bytes, (int)Math.Min(length, 2L * bytes.Length));
            }
        }
    }

    private void ReadHeaderBytes(Span<byte> destination, string what)
    {
        int n = _bgzf.Read(destination);
        if (n != destination.Length)
        {
            throw Truncated($"header is cut short while reading the {what} ({n} of {destination.Length} bytes)");
        }
    }

    private void CheckBlockSize(int size)
    {
        if (size < BamRecordLayout.ReadName)
        {
            throw new BamFormatException(FilePath, $"record block size {size} is smaller than the 32-byte fixed part");
        }

        if (size > MaxBlockSize)
        {
            throw new BamFormatException(FilePath, $"record block size {size} is beyond any real record (at most {MaxBlockSize}); the file is corrupt");
        }
    }

    private BamTruncatedException Truncated(string message) => new(FilePath, message + "; the file is truncated");

    // Makes at least n bytes available from _bufferStart, reading ahead as far as the buffer allows.
    private bool EnsureBuffered(int n)
    {
        if (_bufferEnd - _bufferStart >= n)
        {
            return true;
        }

        if (_bufferStart > 0)
        {
            int left = _bufferEnd - _bufferStart;
            Buffer.BlockCopy(_buffer, _bufferStart, _buffer, 0, left);
            _bufferStart = 0;
            _bufferEnd = left;
        }

        try
        {
            while (_bufferEnd < n)
            {
                if (_bufferEnd == _buffer.Length)
                {
                    // Grow only when the bytes already read fill the buffer: n comes from a block_size that may be corrupt.
                    Array.Resize(ref _buffer, (int)Math.Min(n, 2L * _buffer.Length));
                }

                int read = _bgzf.Read(_buffer.AsSpan(_bufferEnd));
                if (read == 0)
                {
                    return false;
                }

                _bufferEnd += read;
            }
        }
        catch (BgzfTruncatedException ex)
        {
            throw new BamTruncatedException(FilePath, ex.Message, ex);
        }

        return true;
    }
}
