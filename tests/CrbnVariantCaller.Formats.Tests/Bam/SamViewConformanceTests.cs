using System.Text;
using CrbnVariantCaller.Formats.Bam;
using CrbnVariantCaller.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace CrbnVariantCaller.Formats.Tests.Bam;

/// <summary>Whole-file SAM text from <see cref="SamTextFormatter"/> against <c>samtools view --no-PG</c>, line for line.</summary>
public sealed class SamViewConformanceTests(ITestOutputHelper output)
{
    [CorpusTheory("samtools")]
    [MemberData(nameof(CorpusBams.All), MemberType = typeof(CorpusBams))]
    public void Every_corpus_bam_formats_like_samtools_view(string relativePath)
    {
        string bam = CorpusBams.FullPath(relativePath);
        long compared = SamtoolsOracle.CompareWholeFile(bam);
        output.WriteLine($"{relativePath}: {compared} records identical to samtools view");
    }

    [CorpusTheory("samtools")]
    [MemberData(nameof(CorpusBams.All), MemberType = typeof(CorpusBams))]
    public void Every_corpus_bam_header_prints_like_samtools_view_H(string relativePath)
    {
        string bam = CorpusBams.FullPath(relativePath);
        string expected = ExternalTool.Run("samtools", "view", "-H", "--no-PG", bam);
        using var reader = new BamReader(bam);
        Assert.Equal(expected, reader.Header.SamText);
    }

    [CorpusFact("samtools")]
    public void Every_htslib_test_sam_that_samtools_accepts_round_trips_through_bam()
    {
        string dir = Path.Combine(RepoPaths.Corpus, "parser_edge_cases", "htslib-test-1.16");
        string tmp = Directory.CreateTempSubdirectory("crbn-bam-").FullName;
        int compared = 0;
        var rejected = new List<string>();
        long records = 0;
        try
        {
            foreach (string sam in Directory.EnumerateFiles(dir, "*.sam", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                string bam = Path.Combine(tmp, Path.GetRelativePath(dir, sam).Replace('/', '_').Replace('#', '_') + ".bam");
                string? reference = ReferenceFor(dir, sam);
                var args = new List<string> { "view", "--no-PG", "-b", "-o", bam };
                if (reference is not null)
                {
                    args.AddRange(["-T", reference]);
                }

                args.Add(sam);
                (int code, _, string err) = ExternalTool.TryRun("samtools", [.. args]);
                if (code != 0 || !File.Exists(bam))
                {
                    rejected.Add($"{Path.GetRelativePath(dir, sam)} ({err.Split('\n')[0]})");
                    continue;
                }

                (int viewCode, _, _) = ExternalTool.TryRun("samtools", "view", "--no-PG", bam);
                if (viewCode != 0)
                {
                    rejected.Add($"{Path.GetRelativePath(dir, sam)} (samtools cannot read back its own BAM)");
                    continue;
                }

                records += SamtoolsOracle.CompareWholeFile(bam);
                using (var reader = new BamReader(bam))
                {
                    Assert.Equal(ExternalTool.Run("samtools", "view", "-H", "--no-PG", bam), reader.Header.SamText);
                }

                compared++;
            }
        }
        finally
        {
            Directory.Delete(tmp, recursive: true);
        }

        output.WriteLine($"compared {compared} htslib test SAM files ({records} records); samtools rejected {rejected.Count}:");
        foreach (string r in rejected)
        {
            output.WriteLine("  " + r);
        }

        Assert.True(compared >= 80, $"only {compared} htslib test SAM files could be compared");
    }

    private static string? ReferenceFor(string dir, string sam)
    {
        string name = Path.GetFileName(sam);
        int hash = name.IndexOf('#');
        if (hash <= 0)
        {
            return null;
        }

        string fa = Path.Combine(dir, name[..hash] + ".fa");
        if (!File.Exists(fa))
        {
            fa = Path.Combine(Path.GetDirectoryName(sam)!, name[..hash] + ".fa");
        }

        return File.Exists(fa) ? fa : null;
    }
}
