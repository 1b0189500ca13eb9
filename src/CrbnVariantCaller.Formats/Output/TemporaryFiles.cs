using System.Text.RegularExpressions;

namespace CrbnVariantCaller.Formats.Output;

/// <summary>
/// The temporary files this process has open for <see cref="AtomicFileSet"/>, so that a SIGINT or SIGTERM handler can
/// remove them before the process exits (<see cref="DeleteAllAndStop"/>), and the rule for recognising the ones a killed
/// process left behind (<see cref="RemoveStale"/>).
/// </summary>
/// <remarks>
/// Process-wide on purpose: a signal ends the whole process, whichever command or sample made the file.
/// </remarks>
public static partial class TemporaryFiles
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Open = new(StringComparer.Ordinal);
    private static bool _stopped;

    /// <summary>The hidden temporary name for <paramref name="target"/> in its own folder: <c>.NAME.&lt;32 hex&gt;.tmp</c>.</summary>
    public static string NameFor(string target)
    {
        string dir = Path.GetDirectoryName(target) ?? ".";
        return Path.Combine(dir, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Records a temporary file about to be created.</summary>
    /// <exception cref="OperationCanceledException">The process is shutting down; no new file may be started.</exception>
    public static void Register(string path)
    {
        lock (Gate)
        {
            if (_stopped)
            {
                throw new OperationCanceledException("the process is shutting down; no new output is started");
            }

            Open.Add(path);
        }
    }

    /// <summary>Forgets a temporary file that was renamed into place or deleted.</summary>
    public static void Unregister(string path)
    {
        lock (Gate)
        {
            Open.Remove(path);
        }
    }

    /// <summary>Deletes every registered temporary file and refuses new ones; returns how many were deleted.</summary>
    public static int DeleteAllAndStop()
    {
        lock (Gate)
        {
            _stopped = true;
            int deleted = 0;
            foreach (string path in Open)
            {
                try
                {
                    File.Delete(path);
                    deleted++;
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            Open.Clear();
            return deleted;
        }
    }

    /// <summary>
    /// Deletes temporary files a killed run left in <paramref name="folder"/> (names matching <see cref="NameFor"/>).
    /// Call it only while holding the folder's <see cref="OutputFolderLock"/>, so no live run's files are taken.
    /// </summary>
    /// <returns>The files removed.</returns>
    public static IReadOnlyList<string> RemoveStale(string folder)
    {
        var removed = new List<string>();
        if (!Directory.Exists(folder))
        {
            return removed;
        }

        foreach (string path in Directory.EnumerateFiles(folder, ".*.tmp"))
        {
            if (StaleName().IsMatch(Path.GetFileName(path)))
            {
                try
                {
                    File.Delete(path);
                    removed.Add(path);
                }
                catch (IOException)
                {
                }
            }
        }

        return removed;
    }

    [GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex StaleName();
}
