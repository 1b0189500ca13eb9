using System.Runtime.InteropServices;

namespace CrbnVariantCaller.Formats.Input;

/// <summary>
/// Checks that an input path names a regular file before any reader opens it. A directory, a named pipe (which would
/// block the open until something writes to it) or a device such as <c>/dev/zero</c> (which never ends) is refused with
/// <see cref="NotARegularFileException"/> (exit code 2), naming the path and what it is.
/// </summary>
public static partial class RegularFile
{
    private const uint TypeMask = 0xF000; // S_IFMT
    private const uint Fifo = 0x1000;
    private const uint CharacterDevice = 0x2000;
    private const uint Directory = 0x4000;
    private const uint BlockDevice = 0x6000;
    private const uint Regular = 0x8000;
    private const uint Socket = 0xC000;

    /// <summary>Returns <paramref name="path"/> when it is an existing regular file (or a link to one).</summary>
    /// <exception cref="FileNotFoundException">Nothing exists at the path.</exception>
    /// <exception cref="NotARegularFileException">It is a directory, a FIFO, a device or a socket.</exception>
    public static string Require(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (System.IO.Directory.Exists(path))
        {
            throw new NotARegularFileException(path, "is a directory, not a file");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException("input file not found", path);
        }

        string? kind = (ModeOf(path) & TypeMask) switch
        {
            Fifo => "is a named pipe (FIFO), not a regular file; crbn reads its inputs at random offsets, so copy the data to a file first",
            CharacterDevice or BlockDevice => "is a device, not a regular file",
            Socket => "is a socket, not a regular file",
            Directory => "is a directory, not a file",
            _ => null,
        };
        return kind is null ? path : throw new NotARegularFileException(path, kind);
    }

    /// <summary>The <c>st_mode</c> of the file (following links), or <see cref="Regular"/> where <c>stat</c> is not available.</summary>
    private static unsafe uint ModeOf(string path)
    {
        int offset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 when OperatingSystem.IsLinux() => 24, // st_dev, st_ino, st_nlink (8 bytes each), st_mode
            Architecture.Arm64 when OperatingSystem.IsLinux() => 16, // generic layout: st_dev, st_ino, st_mode
            _ => -1,
        };
        if (offset < 0)
        {
            return Regular;
        }

        byte* buffer = stackalloc byte[512];
        return Stat(path, buffer) == 0 ? *(uint*)(buffer + offset) : Regular;
    }

    [LibraryImport("libc", EntryPoint = "stat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Stat(string path, byte* buffer);
}
