using System.Buffers;
using System.Buffers.Binary;

namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>
/// Cuts a stream into whole compressed BGZF blocks, checking each header, without inflating anything.
/// Reads the stream in large chunks so that small headers cost no system call.
/// </summary>
internal sealed class BgzfBlockFramer : IDisposable
{
    private const int ChunkSize = 4 * BgzfBlockLayout.MaxBlockSize;

    private readonly Stream _stream;
    private readonly string _filePath;
    private byte[]? _buffer;
    private int _start;
    private int _end;
    private long _position;

    public BgzfBlockFramer(Stream stream, string filePath)
    {
        _stream = stream;
        _filePath = filePath;
        _position = stream.CanSeek ? stream.Position : 0;
        _buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
    }

    /// <summary>Compressed offset of the next block to be framed.</summary>
    public long Position => _position;

    /// <summary>
    /// Copies the next whole block into <paramref name="destination"/> (at least 64 KiB).
    /// Returns false at a clean end of the stream, between blocks.
    /// </summary>
    /// <exception cref="BgzfFormatException">The bytes at this offset are not a BGZF block header.</exception>
    /// <exception cref="BgzfTruncatedException">The stream ends inside the block.</exception>
    public bool TryReadBlock(Span<byte> destination, out int length, out long address)
    {
        address = _position;
        length = 0;
        int available = Fill(BgzfBlockLayout.FixedHeaderLength);
        if (available == 0)
        {
            return false;
        }

        ReadOnlySpan<byte> header = Buffered(available);
        CheckFixedHeader(header, address);
        if (available < BgzfBlockLayout.FixedHeaderLength)
        {
            throw Truncated(address, available, BgzfBlockLayout.StandardHeaderLength, "header");
        }

        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[BgzfBlockLayout.ExtraLengthOffset..]);
        int headerLength = BgzfBlockLayout.FixedHeaderLength + extraLength;
        available = Fill(headerLength);
        if (available < headerLength)
        {
            throw Truncated(address, available, headerLength, "header");
        }

        header = Buffered(headerLength);
        if (!BgzfBlockLayout.TryFindBlockSize(header[BgzfBlockLayout.FixedHeaderLength..], out int blockSizeMinusOne))
        {
            throw new BgzfFormatException(
                _filePath,
                $"gzip member at offset {address} has no BGZF 'BC' block-size extra subfield; the file is gzip but not BGZF (recompress it with bgzip)");
        }

        int total = blockSizeMinusOne + 1;
        if (total < headerLength + BgzfBlockLayout.TrailerLength)
        {
            throw new BgzfFormatException(
                _filePath, $"block at offset {address} has BSIZE {blockSizeMinusOne}, too small for its own {headerLength}-byte header and trailer");
        }

        available = Fill(total);
        if (available < total)
        {
            throw Truncated(address, available, total, "block");
        }

        Buffered(total).CopyTo(destination);
        _start += total;
        _position += total;
        length = total;
        return true;
    }

    /// <summary>Moves to the block that starts at <paramref name="compressedOffset"/>, reusing buffered bytes when possible.</summary>
    public void Seek(long compressedOffset)
    {
        long bufferedFrom = _position - _start;
        if (compressedOffset >= bufferedFrom && compressedOffset <= _position + (_end - _start))
        {
            _start = (int)(compressedOffset - bufferedFrom);
            _position = compressedOffset;
            return;
        }

        if (!_stream.CanSeek)
        {
            throw new NotSupportedException($"{_filePath}: cannot seek in a stream that does not support seeking");
        }

        _stream.Position = compressedOffset;
        _position = compressedOffset;
        _start = 0;
        _end = 0;
    }

    public void Dispose()
    {
        byte[]? buffer = _buffer;
        _buffer = null;
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private ReadOnlySpan<byte> Buffered(int count) => _buffer.AsSpan(_start, count);

    /// <summary>Makes at least <paramref name="count"/> bytes available from <c>_start</c> unless the stream ends; returns how many are.</summary>
    private int Fill(int count)
    {
        byte[] buffer = _buffer ?? throw new ObjectDisposedException(nameof(BgzfBlockFramer));
        if (_end - _start >= count)
        {
            return count;
        }

        if (_start + count > buffer.Length)
        {
            Buffer.BlockCopy(buffer, _start, buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        while (_end - _start < count)
        {
            int n = _stream.Read(buffer, _end, buffer.Length - _end);
            if (n == 0)
            {
                break;
            }

            _end += n;
        }

        return Math.Min(count, _end - _start);
    }

    private void CheckFixedHeader(ReadOnlySpan<byte> header, long address)
    {
        bool magicOk = header[0] == BgzfBlockLayout.Magic1 && (header.Length < 2 || header[1] == BgzfBlockLayout.Magic2);
        if (!magicOk)
        {
            string found = Convert.ToHexString(header[..Math.Min(4, header.Length)]);
            string what = address == 0 && header.StartsWith("BAM\u0001"u8)
                ? "this is an uncompressed BAM file, not BGZF"
                : address == 0 && header.StartsWith("CRAM"u8)
                    ? "this is a CRAM file, which crbn does not read; convert it with 'samtools view -b -T REF -o out.bam file.cram'"
                : address == 0 && header[0] == (byte)'@'
                    ? "this looks like SAM text, which crbn does not read; convert it with 'samtools sort -o out.bam file.sam' and index it"
                : address == 0
                    ? $"not a BGZF file: it does not start with the gzip magic 1F8B (found {found})"
                    : $"no BGZF block starts at offset {address} (found {found}, expected gzip magic 1F8B); the file is corrupt or a virtual offset is wrong";
            throw new BgzfFormatException(_filePath, what);
        }

        if (header.Length >= 4 && (header[2] != BgzfBlockLayout.MethodDeflate || (header[3] & BgzfBlockLayout.FlagExtra) == 0))
        {
            throw new BgzfFormatException(
                _filePath,
                $"gzip member at offset {address} has no extra field (method {header[2]}, flags 0x{header[3]:X2}); the file is gzip but not BGZF (recompress it with bgzip)");
        }
    }

    private BgzfTruncatedException Truncated(long address, int have, int need, string part) =>
        new(_filePath, $"file ends inside the BGZF {part} at offset {address} ({have} of {need} bytes present); the file is truncated");
}
