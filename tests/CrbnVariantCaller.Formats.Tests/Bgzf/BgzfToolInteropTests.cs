using System.Diagnostics;
using System.Text;
using CrbnVariantCaller.Formats.Bgzf;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.Bgzf;

/// <summary>Our writer's output must be read by htslib's own tools exactly as we wrote it.</summary>
public sealed class BgzfToolInteropTests : IDisposable
{
    private readonly List<string> _files = [];

    public void Dispose()
    {
        foreach (string file in _files)
        {
            File.Delete(file);
        }
    }

    [ToolFact("bgzip", "gzip")]
    public void BgzipAndGzipDecompressOurOutput()
    {
        foreach (string backend in new[] { "libdeflate", "managed" })
        {
            byte[] original = BgzfRoundTripTests.MixedData(400_000, 11);
            string path = Track(BgzfTestFiles.TempPath(".gz"));
            File.WriteAllBytes(path, BgzfRoundTripTests.Write(original, 6, backend));

            Assert.Equal(original, BgzfCorpusTests.BgzipDecompress(path));
            Assert.Equal(original, Capture("gzip", "-dc", path));
            (int code, _, string stderr) = ExternalTool.TryRun("bgzip", "-t", path);
            Assert.True(code == 0, stderr);
        }
    }

    [ToolFact("bgzip")]
    public void GziIndexOfOurOutputMatchesOurBlockOffsets()
    {
        byte[] original = BgzfRoundTripTests.MixedData(300_000, 12);
        string path = Track(BgzfTestFiles.TempPath(".gz"));
        File.WriteAllBytes(path, BgzfRoundTripTests.Write(original, 6, "libdeflate"));
        ExternalTool.Run("bgzip", "-r", path);
        Track(path + ".gzi");

        List<(long Compressed, long Uncompressed)> entries = BgzfTestFiles.ReadGzi(path + ".gzi");
        Assert.True(entries.Count >= 5);
        using BgzfReader reader = new(path, 2);
        foreach ((long compressed, long uncompressed) in entries.AsEnumerable().Reverse())
        {
            Assert.Equal(0xff00 * (uncompressed / 0xff00), uncompressed);
            reader.Seek(new VirtualOffset(compressed, 0));
            byte[] rest = BgzfTestFiles.ReadAll(reader);
            Assert.True(original.AsSpan((int)uncompressed).SequenceEqual(rest));
        }
    }

    [CorpusFact]
    public void SamtoolsReadsABamRecompressedByOurWriter()
    {
        // Needs samtools as well as the corpus; CI installs it, and ExternalTool.Run fails loudly without it.
        string source = Path.Combine(RepoPaths.Corpus, "real_dna/vcfanno_CHM1.hs37d5.chr1.bam");
        string copy = Track(BgzfTestFiles.TempPath(".bam"));
        using (BgzfReader reader = new(source, 2))
        using (BgzfWriter writer = new(copy, compressionLevel: 1))
        {
            byte[] buffer = new byte[10_007];
            int n;
            while ((n = reader.Read(buffer)) > 0)
            {
                writer.Write(buffer, 0, n);
            }
        }

        ExternalTool.Run("samtools", "quickcheck", "-v", copy);
        Assert.Equal(
            ExternalTool.Run("samtools", "view", "--no-PG", "-h", source),
            ExternalTool.Run("samtools", "view", "--no-PG", "-h", copy));
    }

    [ToolFact("tabix")]
    public void TabixIndexesAndQueriesOurOutput()
    {
        StringBuilder bed = new();
        List<string> expected = [];
        for (int i = 0; i < 40_000; i++)
        {
            string contig = i < 20_000 ? "chr3" : "chr7";
            int start = (i % 20_000) * 500;
            string line = $"{contig}\t{start}\t{start + 300}\tfeature{i}";
            bed.Append(line).Append('\n');
            if (contig == "chr3" && start + 300 > 3_149_632 && start < 3_179_717)
            {
                expected.Add(line);
            }
        }

        string path = Track(BgzfTestFiles.TempPath(".bed.gz"));
        using (BgzfWriter writer = new(path))
        {
            writer.Write(Encoding.ASCII.GetBytes(bed.ToString()));
        }

        ExternalTool.Run("tabix", "-p", "bed", path);
        Track(path + ".tbi");
        string[] actual = ExternalTool.Run("tabix", path, "chr3:3,149,633-3,179,717")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    private static byte[] Capture(string tool, params string[] args)
    {
        ProcessStartInfo psi = new(tool) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using Process p = Process.Start(psi)!;
        using MemoryStream ms = new();
        p.StandardOutput.BaseStream.CopyTo(ms);
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return ms.ToArray();
    }

    private string Track(string path)
    {
        _files.Add(path);
        return path;
    }
}
