using System.Runtime.InteropServices;

namespace CrbnVariantCaller.Formats.Output;

/// <summary>
/// A lock on an output folder for the life of one run. A run that owns the whole folder (<c>crbn batch</c>, which
/// writes every sample and the summary) takes it exclusively; a run that writes one sample's files (<c>crbn call</c>)
/// takes it shared, so that a workflow may run several calls into one folder at once, but never beside a batch. A
/// conflicting run is refused at once (<see cref="OutputFolderBusyException"/>, exit code 2).
/// On Linux and macOS it is <c>flock(LOCK_NB)</c> on the folder itself, which the kernel releases when the process
/// ends, however it ends (SIGKILL included), and which leaves no file behind. The exclusive lock also removes the
/// temporary files an earlier, killed run left there (<see cref="TemporaryFiles.RemoveStale"/>).
/// </summary>
public sealed partial class OutputFolderLock : IDisposable
{
    private const int ReadOnly = 0;
    private const int LockShared = 1;
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

    /// <summary>Creates <paramref name="folder"/> if needed and locks it exclusively, removing stale temporary files.</summary>
    /// <exception cref="OutputFolderBusyException">Another process holds the lock.</exception>
    public static OutputFolderLock Acquire(string folder) => Acquire(folder, exclusive: true);

    /// <summary>Creates <paramref name="folder"/> if needed and takes a shared lock (other shared holders may write beside it).</summary>
    /// <exception cref="OutputFolderBusyException">Another process holds the lock exclusively.</exception>
    public static OutputFolderLock AcquireShared(string folder) => Acquire(folder, exclusive: false);

    private static OutputFolderLock Acquire(string folder, bool exclusive)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        string full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return new OutputFolderLock(full, -1, exclusive ? TemporaryFiles.RemoveStale(full) : []);
        }

        int fd = Open(full, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"{full}: cannot open the output folder to lock it (errno {Marshal.GetLastPInvokeError()})");
        }

        if (Flock(fd, (exclusive ? LockExclusive : LockShared) | LockNonBlocking) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            Close(fd);
            if (errno is WouldBlock or WouldBlockMac)
            {
                throw new OutputFolderBusyException(full);
            }

            throw new IOException($"{full}: cannot lock the output folder (errno {errno})");
        }

        return new OutputFolderLock(full, fd, exclusive ? TemporaryFiles.RemoveStale(full) : []);
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
