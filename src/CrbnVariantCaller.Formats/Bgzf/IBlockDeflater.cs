namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>Compresses one BGZF block's data to raw DEFLATE. One instance per thread; instances are not thread-safe.</summary>
internal interface IBlockDeflater : IDisposable
{
    /// <summary>Compresses <paramref name="source"/>; false when the result would not fit in <paramref name="destination"/>.</summary>
    bool TryDeflate(ReadOnlySpan<byte> source, Span<byte> destination, out int written);

    /// <summary>The gzip CRC32 of <paramref name="data"/>.</summary>
    uint Crc32(ReadOnlySpan<byte> data);
}
