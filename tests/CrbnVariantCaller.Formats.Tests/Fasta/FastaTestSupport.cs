using System.Text;
using CrbnVariantCaller.TestSupport;

namespace CrbnVariantCaller.Formats.Tests.Fasta;

/// <summary>A temporary folder removed on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(PathName);

    public string PathName { get; } = Path.Combine(Path.GetTempPath(), "crbn-fasta-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => Path.Combine(PathName, name);

    /// <summary>Copies a (read-only) corpus file here and makes the copy writable so that indexes can be written beside it.</summary>
    public string CopyIn(string source)
    {
        string target = File(Path.GetFileName(source));
        System.IO.File.Copy(source, target);
        System.IO.File.SetAttributes(target, FileAttributes.Normal);
        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(PathName, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>samtools faidx / bgzip as oracles.</summary>
internal static class Oracle
{
    /// <summary>Runs <c>samtools faidx FILE -r REGIONS</c> and returns each region's sequence.</summary>
    public static List<string> Faidx(string fasta, IReadOnlyList<string> regions, string workDir)
    {
        string regionFile = Path.Combine(workDir, "regions-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllLines(regionFile, regions);
        string output = ExternalTool.Run("samtools", "faidx", fasta, "-r", regionFile, "-n", "1000000000");
        List<string> sequences = [];
        StringBuilder current = new();
        bool any = false;
        foreach (string line in output.Split('\n'))
        {
            if (line.StartsWith('>'))
            {
                if (any)
                {
                    sequences.Add(current.ToString());
                }

                current.Clear();
                any = true;
            }
            else
            {
                current.Append(line.TrimEnd('\r'));
            }
        }

        if (any)
        {
            sequences.Add(current.ToString());
        }

        return sequences;
    }

    /// <summary>bgzip a file in place with a .gzi index (<c>bgzip -i</c>); returns the .gz path.</summary>
    public static string Bgzip(string path)
    {
        ExternalTool.Run("bgzip", "-i", "-f", path);
        return path + ".gz";
    }
}

/// <summary>Writes reproducible synthetic FASTA files with varied layouts (line widths, soft-masking, N runs, CRLF).</summary>
internal static class SyntheticFasta
{
    public sealed record Contig(string Name, int Length, int LineWidth, bool CrLf = false);

    public static void Write(string path, int seed, IEnumerable<Contig> contigs)
    {
        Random random = new(seed);
        using StreamWriter w = new(path, false, Encoding.ASCII);
        foreach (Contig c in contigs)
        {
            string eol = c.CrLf ? "\r\n" : "\n";
            w.Write($">{c.Name} synthetic test contig{eol}");
            char[] bases = new char[c.Length];
            for (int i = 0; i < c.Length;)
            {
                int run = random.Next(1, 400);
                int kind = random.Next(10); // 0: N run, 1-2: soft-masked, else upper case
                for (int j = 0; j < run && i < c.Length; j++, i++)
                {
                    char b = "ACGT"[random.Next(4)];
                    bases[i] = kind == 0 ? 'N' : kind <= 2 ? char.ToLowerInvariant(b) : b;
                }
            }

            for (int i = 0; i < c.Length; i += c.LineWidth)
            {
                w.Write(bases, i, Math.Min(c.LineWidth, c.Length - i));
                w.Write(eol);
            }
        }
    }
}
