using System.Runtime.InteropServices;

namespace CrbnVariantCaller.Formats.Bgzf;

/// <summary>
/// The entry points of the native libdeflate library, resolved once with <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/>.
/// When the library or any entry point is missing, <see cref="IsAvailable"/> is false and callers fall back to managed code;
/// nothing here throws for a missing library.
/// </summary>
internal static unsafe class LibDeflateLibrary
{
    /// <summary>libdeflate_result: SUCCESS.</summary>
    public const int ResultSuccess = 0;

    /// <summary>libdeflate_result: BAD_DATA (the DEFLATE stream is invalid).</summary>
    public const int ResultBadData = 1;

    /// <summary>libdeflate_result: INSUFFICIENT_SPACE (the output would not fit).</summary>
    public const int ResultInsufficientSpace = 3;

    private static readonly string[] CandidateNames = ["libdeflate.so.0", "libdeflate.so", "libdeflate"];

    static LibDeflateLibrary()
    {
        foreach (string name in CandidateNames)
        {
            if (!NativeLibrary.TryLoad(name, typeof(LibDeflateLibrary).Assembly, null, out IntPtr handle))
            {
                continue;
            }

            if (NativeLibrary.TryGetExport(handle, "libdeflate_alloc_decompressor", out IntPtr allocD)
                && NativeLibrary.TryGetExport(handle, "libdeflate_free_decompressor", out IntPtr freeD)
                && NativeLibrary.TryGetExport(handle, "libdeflate_deflate_decompress", out IntPtr decompress)
                && NativeLibrary.TryGetExport(handle, "libdeflate_crc32", out IntPtr crc)
                && NativeLibrary.TryGetExport(handle, "libdeflate_alloc_compressor", out IntPtr allocC)
                && NativeLibrary.TryGetExport(handle, "libdeflate_free_compressor", out IntPtr freeC)
                && NativeLibrary.TryGetExport(handle, "libdeflate_deflate_compress", out IntPtr compress)
                && NativeLibrary.TryGetExport(handle, "libdeflate_deflate_compress_bound", out IntPtr bound))
            {
                AllocDecompressor = (delegate* unmanaged<IntPtr>)allocD;
                FreeDecompressor = (delegate* unmanaged<IntPtr, void>)freeD;
                DeflateDecompress = (delegate* unmanaged<IntPtr, byte*, nuint, byte*, nuint, nuint*, int>)decompress;
                Crc32 = (delegate* unmanaged<uint, byte*, nuint, uint>)crc;
                AllocCompressor = (delegate* unmanaged<int, IntPtr>)allocC;
                FreeCompressor = (delegate* unmanaged<IntPtr, void>)freeC;
                DeflateCompress = (delegate* unmanaged<IntPtr, byte*, nuint, byte*, nuint, nuint>)compress;
                DeflateCompressBound = (delegate* unmanaged<IntPtr, nuint, nuint>)bound;
                LoadedName = name;
                IsAvailable = true;
                return;
            }

            NativeLibrary.Free(handle);
        }
    }

    /// <summary>True when libdeflate was found with every entry point this project uses.</summary>
    public static bool IsAvailable { get; }

    /// <summary>The name the library was loaded under, or null when it was not found.</summary>
    public static string? LoadedName { get; }

    /// <summary><c>struct libdeflate_decompressor *libdeflate_alloc_decompressor(void)</c>.</summary>
    public static delegate* unmanaged<IntPtr> AllocDecompressor { get; }

    /// <summary><c>void libdeflate_free_decompressor(struct libdeflate_decompressor *)</c>.</summary>
    public static delegate* unmanaged<IntPtr, void> FreeDecompressor { get; }

    /// <summary><c>enum libdeflate_result libdeflate_deflate_decompress(d, in, in_nbytes, out, out_nbytes_avail, actual_out_nbytes_ret)</c>.</summary>
    public static delegate* unmanaged<IntPtr, byte*, nuint, byte*, nuint, nuint*, int> DeflateDecompress { get; }

    /// <summary><c>uint32_t libdeflate_crc32(uint32_t crc, const void *buffer, size_t len)</c>; start with crc 0.</summary>
    public static delegate* unmanaged<uint, byte*, nuint, uint> Crc32 { get; }

    /// <summary><c>struct libdeflate_compressor *libdeflate_alloc_compressor(int compression_level)</c>.</summary>
    public static delegate* unmanaged<int, IntPtr> AllocCompressor { get; }

    /// <summary><c>void libdeflate_free_compressor(struct libdeflate_compressor *)</c>.</summary>
    public static delegate* unmanaged<IntPtr, void> FreeCompressor { get; }

    /// <summary><c>size_t libdeflate_deflate_compress(c, in, in_nbytes, out, out_nbytes_avail)</c>; 0 when the output did not fit.</summary>
    public static delegate* unmanaged<IntPtr, byte*, nuint, byte*, nuint, nuint> DeflateCompress { get; }

    /// <summary><c>size_t libdeflate_deflate_compress_bound(c, in_nbytes)</c>.</summary>
    public static delegate* unmanaged<IntPtr, nuint, nuint> DeflateCompressBound { get; }
}
