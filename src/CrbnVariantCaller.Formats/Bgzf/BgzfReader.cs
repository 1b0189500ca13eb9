using System.Runtime.ExceptionServices;

namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>
/// Reads the decompressed byte stream of a BGZF file (SAM specification §4.1) with random access by
/// <see cref="VirtualOffset"/>. Every block's CRC32 and ISIZE are checked. With more than one thread, blocks are read
/// ahead and inflated on worker threads and still delivered in order.
/// </summary>
/// <remarks>
/// Not thread-safe: one reader serves one consumer. Errors in the file surface as subclasses of
/// <see cref="Core.Errors.InvalidInputFileException"/>; once one has been thrown, every further read throws it again
/// until <see cref="Seek"/> is called.
/// </remarks>
public sealed class BgzfReader : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly BgzfBlockFramer _framer;
    private readonly IBgzfBlockSource _source;

    private byte[] _data = [];
    private int _blockLength;
    private int _blockOffset;
    private long _blockAddress;
    private long _nextBlockAddress;
    private bool _endOfData;
    private bool _lastBlockWasEofMarker;
    private bool? _hasEofMarker;
    private ExceptionDispatchInfo? _failure;
    private bool _disposed;

    /// <summary>Opens a BGZF file and checks its first block header and its end-of-file marker.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="threads">Inflate worker threads; 1 inflates on the calling thread.</param>
    /// <exception cref="BgzfFormatException">The file is empty or is not BGZF.</exception>
    /// <exception cref="BgzfMissingEofException">The file has no end-of-file marker.</exception>
    public BgzfReader(string path, int threads = 1)
        : this(path, new BgzfReaderOptions { Threads = threads })
    {
    }

    /// <summary>Opens a BGZF file with explicit options.</summary>
    public BgzfReader(string path, BgzfReaderOptions options)
        : this(OpenFile(path), path, options with { LeaveOpen = false })
    {
    }

    /// <summary>
    /// Reads BGZF from a stream. Compressed offsets count from the stream's start, so a seekable stream should be at the
    /// file's first byte. The end-of-file marker is checked at open when the stream can seek, and otherwise observed at the end.
    /// The reader disposes the stream.
    /// </summary>
    /// <param name="stream">The compressed bytes.</param>
    /// <param name="displayName">The name used in error messages, usually the file path.</param>
    /// <param name="threads">Inflate worker threads; 1 inflates on the calling thread.</param>
    public BgzfReader(Stream stream, string displayName, int threads = 1)
        : this(stream, displayName, new BgzfReaderOptions { Threads = threads })
    {
    }

    /// <summary>Reads BGZF from a stream with explicit options.</summary>
    public BgzfReader(Stream stream, string displayName, BgzfReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(displayName);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1);
        _stream = stream;
        _leaveOpen = options.LeaveOpen;
        FilePath = displayName;
        try
        {
            if (stream.CanSeek && stream.Length - stream.Position == 0)
            {
                throw new BgzfFormatException(displayName, "file is empty");
            }

            _hasEofMarker = stream.CanSeek ? ReadEofMarker(stream) : null;
            _framer = new BgzfBlockFramer(stream, displayName);
            DeflateBackend backend = options.Backend ?? DeflateCodecFactory.Default;
            _source = options.Threads == 1
                ? new SequentialBlockSource(_framer, displayName, backend)
                : new ParallelBlockSource(_framer, displayName, options.Threads, backend);
            _blockAddress = _nextBlockAddress = _framer.Position;
            if (!LoadNextBlock() && _nextBlockAddress == 0)
            {
                throw new BgzfFormatException(displayName, "file is empty");
            }

            if (_hasEofMarker == false && !options.AllowMissingEofMarker)
            {
                throw new BgzfMissingEofException(
                    displayName, "the BGZF end-of-file marker is missing; the file is probably truncated");
            }
        }
        catch
        {
            _source?.Dispose();
            _framer?.Dispose();
            if (!_leaveOpen)
            {
                stream.Dispose();
            }

            throw;
        }
    }

    /// <summary>The file being read, as named by the caller; used in every error message.</summary>
    public string FilePath { get; }

    /// <summary>
    /// The virtual offset of the next unread byte. When a block has been read to its end this points at the start of the
    /// next block, as htslib's <c>bgzf_tell</c> does.
    /// </summary>
    public VirtualOffset Position => _blockOffset < _blockLength
        ? new VirtualOffset(_blockAddress, _blockOffset)
        : new VirtualOffset(_nextBlockAddress, 0);

    /// <summary>
    /// Whether the file ends with the 28-byte BGZF end-of-file marker. Known at open for seekable input; for a
    /// non-seekable stream it is false until the last block has been read.
    /// </summary>
    public bool HasEofMarker => _hasEofMarker ?? (_endOfData && _lastBlockWasEofMarker);

    /// <summary>Which DEFLATE implementation readers and writers use, e.g. "libdeflate (libdeflate.so.0)".</summary>
    public static string InflaterDescription => DeflateCodecFactory.Description;

    /// <summary>
    /// Moves to a virtual offset, for example one taken from a BAI, CSI, tabix or .gzi index. When the uncompressed
    /// offset is 0 the block is inflated (and checked) by the next read.
    /// </summary>
    /// <exception cref="BgzfFormatException">No block starts at the compressed offset, or the block is shorter than the uncompressed offset.</exception>
    /// <exception cref="NotSupportedException">The stream cannot seek and the offset is not in the current block.</exception>
    public void Seek(VirtualOffset offset)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_failure is null && !_endOfData && offset.CompressedOffset == _blockAddress && _blockLength > 0)
        {
            SetBlockOffset(offset);
            return;
        }

        _failure = null;
        _source.Seek(offset.CompressedOffset);
        _endOfData = false;
        _blockLength = _blockOffset = 0;
        _blockAddress = _nextBlockAddress = offset.CompressedOffset;
        if (offset.UncompressedOffset == 0)
        {
            // The block is inflated by the next read, so Position stays exactly the offset sought, as in htslib.
            return;
        }

        LoadNextBlock();
        if (_blockAddress != offset.CompressedOffset)
        {
            throw new BgzfFormatException(
                FilePath, $"virtual offset {offset} points into an empty block or past the end of the file");
        }

        SetBlockOffset(offset);
    }

    /// <summary>
    /// Copies up to <paramref name="destination"/>.Length decompressed bytes, crossing block boundaries as needed.
    /// Returns fewer only at the end of the data, and 0 only there.
    /// </summary>
    public int Read(Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _failure?.Throw();
        int total = 0;
        while (total < destination.Length)
        {
            int available = _blockLength - _blockOffset;
            if (available == 0)
            {
                if (!LoadNextBlock())
                {
                    break;
                }

                continue;
            }

            int n = Math.Min(available, destination.Length - total);
            _data.AsSpan(_blockOffset, n).CopyTo(destination[total..]);
            _blockOffset += n;
            total += n;
        }

        return total;
    }

    /// <summary>
    /// The unread decompressed bytes of the current block, inflating the next block when this one is used up; empty only
    /// at the end of the data. The span is valid until the next call on this reader. Consume it with <see cref="Advance"/>.
    /// This lets a caller scan the data in place (counting BAM records, say) instead of copying it out with <see cref="Read"/>.
    /// </summary>
    public ReadOnlySpan<byte> PeekBlock()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _failure?.Throw();
        while (_blockOffset == _blockLength)
        {
            if (!LoadNextBlock())
            {
                return ReadOnlySpan<byte>.Empty;
            }
        }

        return _data.AsSpan(_blockOffset, _blockLength - _blockOffset);
    }

    /// <summary>Marks <paramref name="count"/> bytes of the span returned by <see cref="PeekBlock"/> as read.</summary>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _blockLength - _blockOffset);
        _blockOffset += count;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> completely, or returns false when the data ended cleanly before its first byte
    /// (the normal way to detect the end of a record stream).
    /// </summary>
    /// <exception cref="BgzfTruncatedException">The data ended after some but not all of the bytes.</exception>
    public bool TryReadExactly(Span<byte> destination)
    {
        int n = Read(destination);
        if (n == destination.Length)
        {
            return true;
        }

        if (n == 0)
        {
            return false;
        }

        throw new BgzfTruncatedException(
            FilePath, $"decompressed data ends after {n} of {destination.Length} expected bytes; the file is truncated");
    }

    /// <summary>Fills <paramref name="destination"/> completely.</summary>
    /// <exception cref="BgzfTruncatedException">The data ended first.</exception>
    public void ReadExactly(Span<byte> destination)
    {
        int n = Read(destination);
        if (n != destination.Length)
        {
            throw new BgzfTruncatedException(
                FilePath, $"decompressed data ends after {n} of {destination.Length} expected bytes; the file is truncated");
        }
    }

    /// <summary>Stops any worker threads, returns pooled buffers and closes the file.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _source.Dispose();
        _framer.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private static FileStream OpenFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        // No FileStream buffering: the framer reads in 256 KiB chunks itself.
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
    }

    private static bool ReadEofMarker(Stream stream)
    {
        long start = stream.Position;
        int markerLength = BgzfBlockLayout.EofMarker.Length;
        if (stream.Length - start < markerLength)
        {
            return false;
        }

        Span<byte> tail = stackalloc byte[markerLength];
        stream.Position = stream.Length - markerLength;
        stream.ReadExactly(tail);
        stream.Position = start;
        return tail.SequenceEqual(BgzfBlockLayout.EofMarker);
    }

    private void SetBlockOffset(VirtualOffset offset)
    {
        if (offset.UncompressedOffset > _blockLength)
        {
            throw new BgzfFormatException(
                FilePath, $"virtual offset {offset} points past the end of its block, which holds {_blockLength} bytes");
        }

        _blockOffset = offset.UncompressedOffset;
    }

    /// <summary>Makes the next non-empty block current; false at the end of the data.</summary>
    private bool LoadNextBlock()
    {
        if (_endOfData)
        {
            return false;
        }

        try
        {
            while (true)
            {
                if (!_source.TryNext(out BgzfBlockBuffer? block))
                {
                    _endOfData = true;
                    _blockAddress = _nextBlockAddress;
                    _blockLength = _blockOffset = 0;
                    return false;
                }

                _data = block.Data;
                _blockAddress = block.Address;
                _nextBlockAddress = block.NextAddress;
                _blockLength = block.DataLength;
                _blockOffset = 0;
                _lastBlockWasEofMarker = _blockLength == 0 && block.IsEofMarker;
                if (_blockLength > 0)
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is IOException)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
            _blockLength = _blockOffset = 0;
            throw;
        }
    }
}
