using System.Globalization;
using CrbnVariantCaller.Core.Genome;
using CrbnVariantCaller.TestSupport;

namespace CrbnVariantCaller.Core.Tests.Genome;

/// <summary>Reads the <c>@SQ</c> lines of a BAM header through <c>samtools view -H</c> (the oracle).</summary>
internal static class SamtoolsHeader
{
    public static IReadOnlyList<ContigInfo> Contigs(string bamPath)
    {
        string header = ExternalTool.Run("samtools", "view", "-H", bamPath);
        List<ContigInfo> contigs = [];
        foreach (string line in header.Split('\n'))
        {
            if (!line.StartsWith("@SQ\t", StringComparison.Ordinal))
            {
                continue;
            }

            string[] fields = line.Split('\t');
            string name = fields.Single(f => f.StartsWith("SN:", StringComparison.Ordinal))[3..];
            long length = long.Parse(fields.Single(f => f.StartsWith("LN:", StringComparison.Ordinal))[3..], CultureInfo.InvariantCulture);
            contigs.Add(new ContigInfo(name, length));
        }

        return contigs;
    }

    public static string Corpus(string relative) => Path.Combine(RepoPaths.Corpus, relative);
}
