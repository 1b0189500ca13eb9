namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>Inflates with one native libdeflate decompressor (which is why an instance belongs to one thread).</summary>
internal sealed unsafe class LibDeflateInflater : IBlockInflater
{
    private IntPtr _decompressor;

    public LibDeflateInflater()
    {
        if (!LibDeflateLibrary.IsAvailable)
        {
            throw new InvalidOperationException("libdeflate is not available");
        }

        _decompressor = LibDeflateLibrary.AllocDecompressor();
        if (_decompressor == IntPtr.Zero)
        {
            throw new OutOfMemoryException("libdeflate_alloc_decompressor returned NULL");
        }
    }

    public int Inflate(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_decompressor == IntPtr.Zero, this);
        nuint written;
        int result;
        fixed (byte* src = source)
        fixed (byte* dst = destination)
        {
            result = LibDeflateLibrary.DeflateDecompress(
                _decompressor, src, (nuint)source.Length, dst, (nuint)destination.Length, &written);
        }

        return result switch
        {
            LibDeflateLibrary.ResultSuccess => (int)written,
            LibDeflateLibrary.ResultInsufficientSpace =>
                throw new InvalidDataException($"DEFLATE data inflates to more than {destination.Length} bytes"),
            _ => throw new InvalidDataException($"DEFLATE data is corrupt (libdeflate result {result})"),
        };
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
        if (_decompressor != IntPtr.Zero)
        {
            LibDeflateLibrary.FreeDecompressor(_decompressor);
            _decompressor = IntPtr.Zero;
        }
    }
}
