namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>Which DEFLATE implementation compresses or inflates BGZF blocks.</summary>
internal enum DeflateBackend
{
    /// <summary>Native libdeflate through P/Invoke (fast; the default when the library loads).</summary>
    LibDeflate,

    /// <summary><see cref="System.IO.Compression.DeflateStream"/> and a managed table CRC32 (the fallback).</summary>
    Managed,
}
