namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>Chooses the DEFLATE implementation: libdeflate when it loads, otherwise the managed fallback.</summary>
internal static class DeflateCodecFactory
{
    /// <summary>The backend used unless a caller (a test) asks for a specific one.</summary>
    public static DeflateBackend Default => LibDeflateLibrary.IsAvailable ? DeflateBackend.LibDeflate : DeflateBackend.Managed;

    /// <summary>A human-readable name of the default backend, for logs and reports.</summary>
    public static string Description => LibDeflateLibrary.IsAvailable
        ? $"libdeflate ({LibDeflateLibrary.LoadedName})"
        : "managed DeflateStream (libdeflate.so.0 not found)";

    /// <summary>Creates an inflater for one thread.</summary>
    /// <exception cref="InvalidOperationException">libdeflate was requested but is not available.</exception>
    public static IBlockInflater CreateInflater(DeflateBackend backend) => backend switch
    {
        DeflateBackend.LibDeflate => new LibDeflateInflater(),
        DeflateBackend.Managed => new ManagedInflater(),
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, null),
    };

    /// <summary>Creates a compressor for one thread at a zlib-style level (0 = stored, 1 = fastest … 9 = smallest).</summary>
    public static IBlockDeflater CreateDeflater(DeflateBackend backend, int compressionLevel) => backend switch
    {
        DeflateBackend.LibDeflate => new LibDeflateDeflater(compressionLevel),
        DeflateBackend.Managed => new ManagedDeflater(compressionLevel),
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, null),
    };
}
