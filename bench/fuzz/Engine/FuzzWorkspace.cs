namespace CrbnVariantCaller.Fuzz.Engine;

/// <summary>
/// A scratch folder (on /dev/shm when it exists) for readers that take a path: each case's files are written there
/// under fixed names, overwriting the previous case's.
/// </summary>
public sealed class FuzzWorkspace : IDisposable
{
    public FuzzWorkspace()
    {
        string root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        Folder = Directory.CreateDirectory(Path.Combine(root, $"crbn-fuzz-{Environment.ProcessId}-{Guid.NewGuid():N}")).FullName;
    }

    public string Folder { get; }

    /// <summary>
    /// Writes the case's files into a folder of their own (emptied first, so no file of an earlier case lingers) and
    /// returns the path of <paramref name="name"/>.
    /// </summary>
    public string Materialise(FuzzInput input, string name)
    {
        string folder = Path.Combine(Folder, "case");
        if (Directory.Exists(folder))
        {
            foreach (string old in Directory.GetFiles(folder))
            {
                File.Delete(old);
            }
        }
        else
        {
            Directory.CreateDirectory(folder);
        }

        foreach ((string file, byte[] bytes) in input.Files)
        {
            File.WriteAllBytes(Path.Combine(folder, file), bytes);
        }

        return Path.Combine(folder, name);
    }

    /// <summary>Writes a fixed file once (a seed BAM that a mutated index is queried against).</summary>
    public string WriteFixed(string name, byte[] bytes)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
