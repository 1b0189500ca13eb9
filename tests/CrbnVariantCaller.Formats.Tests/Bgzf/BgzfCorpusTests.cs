using System.Diagnostics;
using CrbnVariantCaller.Formats.Bgzf;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Formats.Tests.Bgzf;

/// <summary>Decompresses real BGZF files written by htslib and compares every byte with <c>bgzip -dc</c>.</summary>
public sealed class BgzfCorpusTests
{
    public static TheoryData<string, string> CorpusFiles()
    {
        TheoryData<string, string> data = new();
        foreach (string file in new[]
        {
            "parser_edge_cases/htslib-test-1.16/bgziptest.txt.gz",
            "parser_edge_cases/igvjs_sam_spec_example.bam",
            "real_dna/vcfanno_CHM1.hs37d5.chr1.bam",
            "real_dna/covtobed_duplicates.HG00114.GRCh38.bam",
        })
        {
            foreach (string backend in new[] { "libdeflate", "managed" })
            {
                data.Add(file, backend);
            }
        }

        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public void DecompressedBytesMatchBgzip(string relativePath, string backend)
    {
        string path = Path.Combine(RepoPaths.Corpus, relativePath);
        byte[] expected = BgzipDecompress(path);
        foreach (int threads in new[] { 1, 2, 4 })
        {
            using BgzfReader reader = new(path, BgzfTestFiles.Options(backend, threads));
            Assert.True(reader.HasEofMarker);
            byte[] actual = BgzfTestFiles.ReadAll(reader, chunk: 1000 + threads);
            Assert.Equal(expected.Length, actual.Length);
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"bytes differ with {threads} thread(s), {backend}");
        }
    }

    [CorpusFact]
    public void SeeksToEveryOffsetInTheGziIndex()
    {
        string path = Path.Combine(RepoPaths.Corpus, "parser_edge_cases/htslib-test-1.16/bgziptest.txt.gz");
        byte[] expected = BgzipDecompress(path);
        List<(long Compressed, long Uncompressed)> entries = BgzfTestFiles.ReadGzi(path + ".gzi");
        Assert.NotEmpty(entries);

        using BgzfReader reader = new(path);
        for (int i = entries.Count - 1; i >= 0; i--)
        {
            (long compressed, long uncompressed) = entries[i];
            reader.Seek(new VirtualOffset(compressed, 0));
            Assert.Equal(new VirtualOffset(compressed, 0), reader.Position);
            byte[] rest = BgzfTestFiles.ReadAll(reader, chunk: 7);
            Assert.True(expected.AsSpan((int)uncompressed).SequenceEqual(rest), $"after seeking to gzi entry {i}");
        }
    }

    internal static byte[] BgzipDecompress(string path)
    {
        ProcessStartInfo psi = new("bgzip") { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-dc");
        psi.ArgumentList.Add(path);
        using Process p = Process.Start(psi)!;
        using MemoryStream ms = new();
        p.StandardOutput.BaseStream.CopyTo(ms);
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return ms.ToArray();
    }
}
