namespace CrbnVariantCaller.Formats.Output;

/// <summary>
/// Writes a set of files so that none appears half-written: each is written to a hidden temporary file in its target
/// folder, flushed to disk, and only when every file of the set has been written are they renamed into place (a rename
/// within one file system is atomic on POSIX). If any writer throws, every temporary file is deleted and no target is
/// created or replaced. A process killed mid-way leaves at most hidden <c>.*.tmp</c> files, never a partial report; a
/// SIGINT/SIGTERM handler removes those too (<see cref="TemporaryFiles"/>), and the next run into the folder removes
/// what a SIGKILL left (<see cref="OutputFolderLock"/>).
/// </summary>
/// <remarks>Files are renamed in the order they were added; add an index after the file it indexes so its time stamp is not older.</remarks>
public sealed class AtomicFileSet
{
    private readonly List<(string Target, Action<Stream> Write)> _files = [];

    /// <summary>Adds a file: <paramref name="write"/> receives a writable stream for its content.</summary>
    public AtomicFileSet Add(string targetPath, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetPath);
        ArgumentNullException.ThrowIfNull(write);
        _files.Add((Path.GetFullPath(targetPath), write));
        return this;
    }

    /// <summary>Writes every file to a temporary name, then renames them all into place.</summary>
    /// <returns>The final paths, in the order added.</returns>
    public IReadOnlyList<string> Commit()
    {
        List<(string Temp, string Target)> written = [];
        try
        {
            foreach ((string target, Action<Stream> write) in _files)
            {
                string temp = TempPathFor(target);
                TemporaryFiles.Register(temp);
                written.Add((temp, target));
                using (FileStream stream = new(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    write(stream);
                    stream.Flush(flushToDisk: true);
                }
            }

            foreach ((string temp, string target) in written)
            {
                File.Move(temp, target, overwrite: true);
                TemporaryFiles.Unregister(temp);
            }

            return written.Select(w => w.Target).ToList();
        }
        catch
        {
            foreach ((string temp, _) in written)
            {
                TryDelete(temp);
                TemporaryFiles.Unregister(temp);
            }

            throw;
        }
    }

    /// <summary>Writes one file atomically.</summary>
    public static void Write(string targetPath, Action<Stream> write) => new AtomicFileSet().Add(targetPath, write).Commit();

    private static string TempPathFor(string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target) ?? ".");
        return TemporaryFiles.NameFor(target);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the write already failed and that error is what the caller must see.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
