using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests;

/// <summary>The BAM files of <c>../shared/corpus</c>, as xunit theory data (empty when the corpus is absent).</summary>
public static class CorpusBams
{
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        if (Directory.Exists(RepoPaths.Corpus))
        {
            foreach (string f in Directory.EnumerateFiles(RepoPaths.Corpus, "*.bam", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(RepoPaths.Corpus, f));
            }
        }
        else
        {
            data.Add("(corpus absent)");
        }

        return data;
    }

    public static TheoryData<string> Indexed()
    {
        var data = new TheoryData<string>();
        if (Directory.Exists(RepoPaths.Corpus))
        {
            foreach (string f in Directory.EnumerateFiles(RepoPaths.Corpus, "*.bam", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (File.Exists(f + ".bai") || File.Exists(f + ".csi"))
                {
                    data.Add(Path.GetRelativePath(RepoPaths.Corpus, f));
                }
            }
        }
        else
        {
            data.Add("(corpus absent)");
        }

        return data;
    }
}
