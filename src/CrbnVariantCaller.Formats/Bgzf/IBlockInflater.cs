namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>Inflates the raw DEFLATE payload of one BGZF block. One instance per thread; instances are not thread-safe.</summary>
internal interface IBlockInflater : IDisposable
{
    /// <summary>Inflates <paramref name="source"/> into <paramref name="destination"/> and returns the number of bytes written.</summary>
    /// <exception cref="InvalidDataException">The DEFLATE data is corrupt or inflates to more than <paramref name="destination"/> holds.</exception>
    int Inflate(ReadOnlySpan<byte> source, Span<byte> destination);

    /// <summary>The gzip CRC32 of <paramref name="data"/>.</summary>
    uint Crc32(ReadOnlySpan<byte> data);
}
