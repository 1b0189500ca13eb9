namespace CrbnVariantCaller.Fuzz.Engine;

/// <summary>
/// The files of one fuzz case, by name (a BAM alone, or a FASTA with its .fai and .gzi). A reproducer is these files
/// written into one folder.
/// </summary>
public sealed class FuzzInput
{
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>The files, in name order.</summary>
    public IReadOnlyDictionary<string, byte[]> Files => _files;

    /// <summary>Total bytes over all files.</summary>
    public long TotalBytes => _files.Values.Sum(f => (long)f.Length);

    public static FuzzInput Single(string name, byte[] bytes) => new FuzzInput().With(name, bytes);

    public FuzzInput With(string name, byte[] bytes)
    {
        _files[name] = bytes;
        return this;
    }

    public byte[] this[string name] => _files[name];

    /// <summary>Writes every file into <paramref name="folder"/> (created if needed).</summary>
    public void SaveTo(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach ((string name, byte[] bytes) in _files)
        {
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }
    }

    /// <summary>Reads a reproducer folder back.</summary>
    public static FuzzInput LoadFrom(string folder)
    {
        var input = new FuzzInput();
        foreach (string path in Directory.GetFiles(folder).Where(p => Path.GetFileName(p) != "finding.txt"))
        {
            input.With(Path.GetFileName(path), File.ReadAllBytes(path));
        }

        return input;
    }
}
