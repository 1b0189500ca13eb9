using System.Buffers;
using System.Buffers.Binary;

namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>
/// Writes BGZF (SAM specification §4.1): data is cut into blocks of at most 65,280 uncompressed bytes (as htslib does),
/// each a gzip member with a <c>BC</c> block-size subfield, and the 28-byte end-of-file marker is written on dispose.
/// The output is readable by <c>bgzip -d</c>, <c>gzip -d</c>, samtools and tabix.
/// </summary>
/// <remarks>Not thread-safe. <see cref="Stream.Flush()"/> ends the current block, like htslib's <c>bgzf_flush</c>.</remarks>
public sealed class BgzfWriter : BgzfStreamBase
{
    private const int MaxPayload = BgzfBlockLayout.MaxBlockSize - BgzfBlockLayout.StandardHeaderLength - BgzfBlockLayout.TrailerLength;

    private readonly Stream _inner;
    private readonly bool _leaveOpen;
    private readonly IBlockDeflater _deflater;
    private byte[]? _data;
    private byte[]? _block;
    private int _dataLength;
    private long _compressedPosition;
    private bool _disposed;

    /// <summary>Creates (or overwrites) a BGZF file.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="compressionLevel">0 (stored) to 9 (smallest); 6 is htslib's default. libdeflate also accepts 10–12.</param>
    public BgzfWriter(string path, int compressionLevel = 6)
        : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0), compressionLevel, leaveOpen: false)
    {
    }

    /// <summary>Writes BGZF to a stream; compressed offsets count from the stream's position when it can seek, else from 0.</summary>
    /// <param name="stream">Receives the compressed blocks.</param>
    /// <param name="compressionLevel">0 (stored) to 9 (smallest); 6 is htslib's default.</param>
    /// <param name="leaveOpen">Leave <paramref name="stream"/> open on dispose.</param>
    public BgzfWriter(Stream stream, int compressionLevel = 6, bool leaveOpen = false)
        : this(stream, compressionLevel, leaveOpen, DeflateCodecFactory.Default)
    {
    }

    /// <summary>The same, with a forced DEFLATE implementation (for tests).</summary>
    internal BgzfWriter(Stream stream, int compressionLevel, bool leaveOpen, DeflateBackend backend)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("the stream is not writable", nameof(stream));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(compressionLevel, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(compressionLevel, backend == DeflateBackend.LibDeflate ? 12 : 9);
        _deflater = DeflateCodecFactory.CreateDeflater(backend, compressionLevel);
        _inner = stream;
        _leaveOpen = leaveOpen;
        _compressedPosition = stream.CanSeek ? stream.Position : 0;
        _data = ArrayPool<byte>.Shared.Rent(BgzfBlockLayout.WriterBlockDataSize);
        _block = ArrayPool<byte>.Shared.Rent(BgzfBlockLayout.MaxBlockSize);
    }

    /// <summary>
    /// The virtual offset of the next byte to be written: the compressed offset of the block being filled and the
    /// number of bytes already in it. Record this before writing a record to index it (tabix, CSI, BAI).
    /// </summary>
    public new VirtualOffset Position => new(_compressedPosition, _dataLength);

    /// <inheritdoc />
    public override bool CanWrite => !_disposed;

    /// <summary>Ends the current block, if it holds any data, so that the next byte starts a new block.</summary>
    public void FlushBlock()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_dataLength > 0)
        {
            WriteBlocks(DataBuffer.AsSpan(0, _dataLength));
            _dataLength = 0;
        }
    }

    /// <summary>Ends the current block and flushes the underlying stream.</summary>
    public override void Flush()
    {
        FlushBlock();
        _inner.Flush();
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        Write(buffer.AsSpan(offset, count));
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        byte[] data = DataBuffer;
        while (!buffer.IsEmpty)
        {
            int n = Math.Min(buffer.Length, BgzfBlockLayout.WriterBlockDataSize - _dataLength);
            buffer[..n].CopyTo(data.AsSpan(_dataLength));
            _dataLength += n;
            UncompressedBytesWritten += n;
            buffer = buffer[n..];
            if (_dataLength == BgzfBlockLayout.WriterBlockDataSize)
            {
                FlushBlock();
            }
        }
    }

    /// <inheritdoc />
    public override void WriteByte(byte value)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        DataBuffer[_dataLength++] = value;
        UncompressedBytesWritten++;
        if (_dataLength == BgzfBlockLayout.WriterBlockDataSize)
        {
            FlushBlock();
        }
    }

    /// <summary>Writes the last block and the end-of-file marker, then closes the stream unless it was left open.</summary>
    protected override void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            base.Dispose(disposing);
            return;
        }

        try
        {
            FlushBlock();
            _inner.Write(BgzfBlockLayout.EofMarker);
            _compressedPosition += BgzfBlockLayout.EofMarker.Length;
            _inner.Flush();
        }
        finally
        {
            _disposed = true;
            _deflater.Dispose();
            ReturnBuffers();
            if (!_leaveOpen)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private byte[] DataBuffer => _data ?? throw new ObjectDisposedException(nameof(BgzfWriter));

    /// <summary>Compresses <paramref name="data"/> into one block, or into halves when it will not fit in 64 KiB.</summary>
    private void WriteBlocks(ReadOnlySpan<byte> data)
    {
        byte[] block = _block ?? throw new ObjectDisposedException(nameof(BgzfWriter));
        Span<byte> payload = block.AsSpan(BgzfBlockLayout.StandardHeaderLength, MaxPayload);
        if (!_deflater.TryDeflate(data, payload, out int compressedLength))
        {
            int half = data.Length / 2;
            WriteBlocks(data[..half]);
            WriteBlocks(data[half..]);
            return;
        }

        int total = BgzfBlockLayout.StandardHeaderLength + compressedLength + BgzfBlockLayout.TrailerLength;
        BgzfBlockLayout.WriteHeader(block, total);
        Span<byte> trailer = block.AsSpan(total - BgzfBlockLayout.TrailerLength, BgzfBlockLayout.TrailerLength);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _deflater.Crc32(data));
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)data.Length);
        _inner.Write(block, 0, total);
        _compressedPosition += total;
    }

    private void ReturnBuffers()
    {
        byte[]? data = _data;
        byte[]? block = _block;
        _data = null;
        _block = null;
        if (data is not null)
        {
            ArrayPool<byte>.Shared.Return(data);
        }

        if (block is not null)
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }
}
