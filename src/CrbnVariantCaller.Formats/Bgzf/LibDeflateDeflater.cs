namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>Compresses with one native libdeflate compressor at a fixed level.</summary>
internal sealed unsafe class LibDeflateDeflater : IBlockDeflater
{
    private IntPtr _compressor;

    public LibDeflateDeflater(int compressionLevel)
    {
        if (!LibDeflateLibrary.IsAvailable)
        {
            throw new InvalidOperationException("libdeflate is not available");
        }

        _compressor = LibDeflateLibrary.AllocCompressor(compressionLevel);
        if (_compressor == IntPtr.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(compressionLevel), compressionLevel, "libdeflate rejected this compression level");
        }
    }

    public bool TryDeflate(ReadOnlySpan<byte> source, Span<byte> destination, out int written)
    {
        ObjectDisposedException.ThrowIf(_compressor == IntPtr.Zero, this);
        nuint size;
        fixed (byte* src = source)
        fixed (byte* dst = destination)
        {
            size = LibDeflateLibrary.DeflateCompress(_compressor, src, (nuint)source.Length, dst, (nuint)destination.Length);
        }

        written = (int)size;
        return size != 0;
    }

    public uint Crc32(ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            return LibDeflateLibrary.Crc32(0, p, (nuint)data.Length);
        }
    }

    public void Dispose()
    {
        if (_compressor != IntPtr.Zero)
        {
            LibDeflateLibrary.FreeCompressor(_compressor);
            _compressor = IntPtr.Zero;
        }
    }
}
