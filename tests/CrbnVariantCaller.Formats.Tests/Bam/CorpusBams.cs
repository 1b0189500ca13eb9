using CrbnVariantCaller.TestSupport;

namespace CrbnVariantCaller.Formats.Tests.Bam;

/// <summary>The BAM files of the shared conformance corpus, as theory data (relative paths).</summary>
internal static class CorpusBams
{
    public static IEnumerable<object[]> All() => List(indexedOnly: false);

    public static IEnumerable<object[]> Indexed() => List(indexedOnly: true);

    public static string FullPath(string relative) => Path.Combine(RepoPaths.Corpus, relative);

    public static string? IndexOf(string bam)
    {
        string stem = bam[..^4];
        return new[] { bam + ".bai", stem + ".bai", bam + ".csi", stem + ".csi" }.FirstOrDefault(File.Exists);
    }

    private static IEnumerable<object[]> List(bool indexedOnly)
    {
        if (!Directory.Exists(RepoPaths.Corpus))
        {
            return [new object[] { "(corpus missing)" }];
        }

        return Directory.EnumerateFiles(RepoPaths.Corpus, "*.bam", SearchOption.AllDirectories)
            .Where(p => !indexedOnly || IndexOf(p) is not null)
            .Select(p => Path.GetRelativePath(RepoPaths.Corpus, p))
            .Order(StringComparer.Ordinal)
            .Select(p => new object[] { p })
            .ToList();
    }
}
