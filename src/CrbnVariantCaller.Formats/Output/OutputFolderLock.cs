using System.Runtime.InteropServices;

namespace CrbnVariantCaller.Formats.Output;

/// <summary>
/// An exclusive lock on an output folder for the life of one run, so that two runs into the same <c>--out</c> cannot
/// interleave their files: the second is refused at once (<see cref="OutputFolderBusyException"/>, exit code 2).
/// On Linux and macOS it is <c>flock(LOCK_EX | LOCK_NB)</c> on the folder itself, which the kernel releases when the
/// process ends, however it ends (SIGKILL included), and which leaves no file behind. Taking the lock also removes the
/// temporary files an earlier, killed run left there (<see cref="TemporaryFiles.RemoveStale"/>).
/// </summary>
public sealed partial class OutputFolderLock : IDisposable
{
    private const int ReadOnly = 0;
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int WouldBlock = 11; // EWOULDBLOCK on Linux
    private const int WouldBlockMac = 35;

    private int _fd;

    private OutputFolderLock(string folder, int fd, IReadOnlyList<string> staleRemoved)
    {
        Folder = folder;
        _fd = fd;
        StaleTemporaryFilesRemoved = staleRemoved;
    }

    /// <summary>The locked folder (full path).</summary>
    public string Folder { get; }

    /// <summary>Temporary files of a killed earlier run that were removed when the lock was taken.</summary>
    public IReadOnlyList<string> StaleTemporaryFilesRemoved { get; }

    /// <summary>Creates <paramref name="folder"/> if needed and locks it.</summary>
    /// <exception cref="OutputFolderBusyException">Another process holds the lock.</exception>
    public static OutputFolderLock Acquire(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        string full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return new OutputFolderLock(full, -1, TemporaryFiles.RemoveStale(full));
        }

        int fd = Open(full, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"{full}: cannot open the output folder to lock it (errno {Marshal.GetLastPInvokeError()})");
        }

        if (Flock(fd, LockExclusive | LockNonBlocking) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            Close(fd);
            if (errno is WouldBlock or WouldBlockMac)
            {
                throw new OutputFolderBusyException(full);
            }

            throw new IOException($"{full}: cannot lock the output folder (errno {errno})");
        }

        return new OutputFolderLock(full, fd, TemporaryFiles.RemoveStale(full));
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose()
    {
        int fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
