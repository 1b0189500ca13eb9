using System.Buffers;
using System.Buffers.Binary;

namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>
/// One compressed BGZF block and room for its inflated data (two pooled 64 KiB buffers).
/// <see cref="Inflate"/> checks ISIZE and CRC32 of every block.
/// </summary>
internal sealed class BgzfBlockBuffer : IDisposable
{
    private byte[]? _compressed = ArrayPool<byte>.Shared.Rent(BgzfBlockLayout.MaxBlockSize);
    private byte[]? _data = ArrayPool<byte>.Shared.Rent(BgzfBlockLayout.MaxBlockSize);

    /// <summary>Buffer that receives the whole compressed block.</summary>
    public byte[] Compressed => _compressed ?? throw new ObjectDisposedException(nameof(BgzfBlockBuffer));

    /// <summary>The inflated data; <see cref="DataLength"/> bytes are valid after <see cref="Inflate"/>.</summary>
    public byte[] Data => _data ?? throw new ObjectDisposedException(nameof(BgzfBlockBuffer));

    /// <summary>Length of the compressed block.</summary>
    public int CompressedLength { get; set; }

    /// <summary>Compressed offset of the block's first byte.</summary>
    public long Address { get; set; }

    /// <summary>Compressed offset of the block after this one.</summary>
    public long NextAddress => Address + CompressedLength;

    /// <summary>Number of inflated bytes.</summary>
    public int DataLength { get; private set; }

    /// <summary>True when this block is the empty 28-byte end-of-file marker.</summary>
    public bool IsEofMarker => Compressed.AsSpan(0, CompressedLength).SequenceEqual(BgzfBlockLayout.EofMarker);

    /// <summary>Inflates the framed block into <see cref="Data"/> and checks it against its trailer.</summary>
    /// <exception cref="BgzfFormatException">The DEFLATE data is corrupt.</exception>
    /// <exception cref="BgzfCrcMismatchException">The data disagrees with the stored ISIZE or CRC32.</exception>
    public void Inflate(IBlockInflater inflater, string filePath)
    {
        ReadOnlySpan<byte> block = Compressed.AsSpan(0, CompressedLength);
        int headerLength = BgzfBlockLayout.FixedHeaderLength
            + BinaryPrimitives.ReadUInt16LittleEndian(block[BgzfBlockLayout.ExtraLengthOffset..]);
        ReadOnlySpan<byte> payload = block[headerLength..^BgzfBlockLayout.TrailerLength];
        uint storedCrc = BinaryPrimitives.ReadUInt32LittleEndian(block[^8..]);
        uint storedSize = BinaryPrimitives.ReadUInt32LittleEndian(block[^4..]);
        if (storedSize > BgzfBlockLayout.MaxBlockSize)
        {
            throw new BgzfFormatException(
                filePath, $"block at offset {Address} claims {storedSize} uncompressed bytes (ISIZE), more than the BGZF limit of 65536");
        }

        int length;
        try
        {
            length = inflater.Inflate(payload, Data.AsSpan(0, BgzfBlockLayout.MaxBlockSize));
        }
        catch (InvalidDataException e)
        {
            throw new BgzfFormatException(filePath, $"block at offset {Address}: {e.Message}", e);
        }

        if (length != storedSize)
        {
            throw new BgzfCrcMismatchException(
                filePath, $"block at offset {Address} inflates to {length} bytes but its ISIZE says {storedSize}");
        }

        uint crc = inflater.Crc32(Data.AsSpan(0, length));
        if (crc != storedCrc)
        {
            throw new BgzfCrcMismatchException(
                filePath, $"block at offset {Address} fails its CRC32 check (stored {storedCrc:x8}, computed {crc:x8}); the file is corrupt");
        }

        DataLength = length;
    }

    public void Dispose()
    {
        byte[]? compressed = _compressed;
        byte[]? data = _data;
        _compressed = null;
        _data = null;
        if (compressed is not null)
        {
            ArrayPool<byte>.Shared.Return(compressed);
        }

        if (data is not null)
        {
            ArrayPool<byte>.Shared.Return(data);
        }
    }
}
