using System.Globalization;
using CrbnVariantCaller.TestSupport;

namespace CrbnVariantCaller.Calling.Tests.Expression;

/// <summary>Runs featureCounts 2.x on one BAM and parses its gene counts and summary.</summary>
internal static class FeatureCountsRun
{
    public static (Dictionary<string, long> Counts, Dictionary<string, long> Summary) Run(string bam, string gtf, int strand, bool paired, bool countPairs)
    {
        string dir = Directory.CreateTempSubdirectory("crbn-expr-fc-").FullName;
        try
        {
            string outFile = Path.Combine(dir, "counts.txt");
            var args = new List<string> { "-a", gtf, "-o", outFile, "-s", strand.ToString(CultureInfo.InvariantCulture), "-T", "1" };
            if (paired)
            {
                args.Add("-p");
            }

            if (countPairs)
            {
                args.Add("--countReadPairs");
            }

            args.Add(bam);
            ExternalTool.Run("featureCounts", [.. args]);
            var counts = File.ReadLines(outFile).Skip(2).Select(l => l.Split('\t'))
                .ToDictionary(f => f[0], f => long.Parse(f[^1], CultureInfo.InvariantCulture));
            var summary = File.ReadLines(outFile + ".summary").Skip(1).Select(l => l.Split('\t'))
                .ToDictionary(f => f[0], f => long.Parse(f[1], CultureInfo.InvariantCulture));
            return (counts, summary);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
