using System.Diagnostics;
using Xunit;

namespace CrbnVariantCaller.Reliability.Tests.Faults;

/// <summary>A fact that mounts a small tmpfs (root only); skipped loudly where mounting is not permitted.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Problem = new(Probe);

    public TmpfsFactAttribute() => Skip = Problem.Value;

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "SKIPPED LOUDLY: the full-disk test mounts a tmpfs, which needs Linux";
        }

        string dir = Directory.CreateTempSubdirectory("crbn-tmpfs-probe-").FullName;
        try
        {
            if (Tmpfs.Mount(dir, "16k") is { } error)
            {
                return $"SKIPPED LOUDLY: cannot mount a tmpfs here (needs root and mount permission): {error}";
            }

            Tmpfs.Unmount(dir);
            return null;
        }
        finally
        {
            Directory.Delete(dir);
        }
    }
}

/// <summary>mount/umount of a size-limited tmpfs.</summary>
internal static class Tmpfs
{
    /// <summary>Mounts; returns null on success, else the error.</summary>
    public static string? Mount(string dir, string size) => Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", dir);

    public static void Unmount(string dir) => Run("umount", dir);

    private static string? Run(string tool, params string[] args)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? null : $"{tool} exited {p.ExitCode}: {err.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{tool}: {e.Message}";
        }
    }
}
