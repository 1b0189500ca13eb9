using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace CrbnVariantCaller.Compute.Backends;

/// <summary>The kernel source and its PTX build, embedded in this assembly at build time.</summary>
public static class KernelSource
{
    private static readonly Lazy<string> ClSource = new(() => ReadResource("crbn_kernels.cl")
        ?? throw new InvalidOperationException("crbn_kernels.cl is not embedded in CrbnVariantCaller.Compute"));

    private static readonly Lazy<byte[]?> PtxImage = new(() =>
    {
        string? ptx = ReadResource("crbn_kernels.ptx");
        return ptx is null ? null : Encoding.ASCII.GetBytes(ptx + "\0");
    });

    /// <summary>The OpenCL C source of every kernel (kernels/crbn_kernels.cl).</summary>
    public static string OpenClC => ClSource.Value;

    /// <summary>SHA-256 of <see cref="OpenClC"/>, hex: part of the program-cache key.</summary>
    public static string OpenClHash { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ClSource.Value)));

    /// <summary>NUL-terminated PTX compiled from the same source by clang-15 + libclc, or null when the build machine lacked them.</summary>
    internal static byte[]? Ptx => PtxImage.Value;

    /// <summary>The folder for cached program binaries: <c>$XDG_CACHE_HOME/crbn</c> or <c>~/.cache/crbn</c>.</summary>
    public static string DefaultCacheDirectory
    {
        get
        {
            string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            string root = !string.IsNullOrEmpty(xdg)
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(root, "crbn");
        }
    }

    private static string? ReadResource(string name)
    {
        using Stream? s = Assembly.GetExecutingAssembly().GetManifestResourceStream(name);
        if (s is null)
        {
            return null;
        }

        using var reader = new StreamReader(s, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
