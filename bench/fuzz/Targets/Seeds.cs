namespace CrbnVariantCaller.Fuzz.Targets;

/// <summary>The small SYNTHETIC seed inputs in <c>bench/fuzz/seeds/</c> (README there), copied beside the binary.</summary>
public static class Seeds
{
    private static readonly Lazy<string> FolderPath = new(Find);

    public static string Folder => FolderPath.Value;

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    private static string Find()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, "seeds");
        if (File.Exists(Path.Combine(beside, "seed.bam")))
        {
            return beside;
        }

        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            string candidate = Path.Combine(dir, "bench", "fuzz", "seeds");
            if (File.Exists(Path.Combine(candidate, "seed.bam")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("bench/fuzz/seeds not found beside the binary or above it");
    }
}
