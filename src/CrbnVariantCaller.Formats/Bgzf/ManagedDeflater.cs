using System.IO.Compression;

namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>Compresses with <see cref="DeflateStream"/> at a zlib level; the fallback when libdeflate cannot be loaded.</summary>
internal sealed class ManagedDeflater : IBlockDeflater
{
    private readonly ZLibCompressionOptions _options;
    private readonly MemoryStream _scratch = new(BgzfBlockLayout.MaxBlockSize);

    public ManagedDeflater(int compressionLevel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(compressionLevel, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(compressionLevel, 9);
        _options = new ZLibCompressionOptions { CompressionLevel = compressionLevel };
    }

    public bool TryDeflate(ReadOnlySpan<byte> source, Span<byte> destination, out int written)
    {
        _scratch.SetLength(0);
        using (DeflateStream deflate = new(_scratch, _options, leaveOpen: true))
        {
            deflate.Write(source);
        }

        written = (int)_scratch.Length;
        if (written > destination.Length)
        {
            written = 0;
            return false;
        }

        _scratch.GetBuffer().AsSpan(0, written).CopyTo(destination);
        return true;
    }

    public uint Crc32(ReadOnlySpan<byte> data) => ManagedCrc32.Compute(data);

    public void Dispose() => _scratch.Dispose();
}
