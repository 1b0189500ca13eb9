using System.Globalization;
using CrbnVariantCaller.TestSupport;
using Xunit;

namespace CrbnVariantCaller.Cli.Tests;

/// <summary>
/// <c>crbn view</c> against <c>samtools view</c> on the real files of <c>../shared/corpus</c>: the whole file with header,
/// the record count, and 100 random regions per indexed file in one invocation (regions are printed one after another,
/// as samtools does).
/// </summary>
public sealed class ViewConformanceTests
{
    [CorpusTheory]
    [MemberData(nameof(CorpusBams.All), MemberType = typeof(CorpusBams))]
    public void WholeFileWithHeaderEqualsSamtools(string relativePath)
    {
        string bam = Path.Combine(RepoPaths.Corpus, relativePath);
        string expected = ExternalTool.Run("samtools", "view", "-h", "--no-PG", bam);

        (int code, string stdout, string stderr) = CrbnProcess.Run("view", "-h", "--no-PG", "-@", "2", bam);

        Assert.True(code == 0, $"crbn view exited {code}: {stderr}");
        AssertSameLines(expected, stdout, relativePath);
    }

    [CorpusTheory]
    [MemberData(nameof(CorpusBams.All), MemberType = typeof(CorpusBams))]
    public void CountEqualsSamtools(string relativePath)
    {
        string bam = Path.Combine(RepoPaths.Corpus, relativePath);
        string expected = ExternalTool.Run("samtools", "view", "-c", bam).Trim();

        (int code, string stdout, string stderr) = CrbnProcess.Run("view", "-c", bam);

        Assert.True(code == 0, $"crbn view -c exited {code}: {stderr}");
        Assert.Equal(expected, stdout.Trim());
    }

    [CorpusTheory]
    [MemberData(nameof(CorpusBams.Indexed), MemberType = typeof(CorpusBams))]
    public void HundredRandomRegionsEqualSamtools(string relativePath)
    {
        string bam = Path.Combine(RepoPaths.Corpus, relativePath);
        int seed = Random.Shared.Next();
        string[] regions = RandomRegions(bam, new Random(seed), 100);

        string expected = ExternalTool.Run("samtools", ["view", "--no-PG", bam, .. regions]);
        (int code, string stdout, string stderr) = CrbnProcess.Run(["view", bam, .. regions]);
        Assert.True(code == 0, $"crbn view exited {code} (seed {seed}): {stderr}");
        AssertSameLines(expected, stdout, $"{relativePath}, seed {seed}");

        string expectedCount = ExternalTool.Run("samtools", ["view", "-c", bam, .. regions]).Trim();
        (_, string count, _) = CrbnProcess.Run(["view", "-c", bam, .. regions]);
        Assert.Equal(expectedCount, count.Trim());
    }

    [CorpusFact]
    public void DefaultHeaderAddsAProgramLineLikeSamtools()
    {
        string bam = Path.Combine(RepoPaths.Corpus, "real_dna", "nimhts_HG02002.b37.chr6.bam");
        string[] samtools = ExternalTool.Run("samtools", "view", "-H", bam).TrimEnd('\n').Split('\n');
        (int code, string stdout, _) = CrbnProcess.Run("view", "-H", bam);
        string[] crbn = stdout.TrimEnd('\n').Split('\n');

        int samtoolsPg = Array.FindIndex(samtools, l => l.StartsWith("@PG\tID:samtools.2\t", StringComparison.Ordinal));
        int crbnPg = Array.FindIndex(crbn, l => l.StartsWith("@PG\tID:crbn\t", StringComparison.Ordinal));

        Assert.Equal(0, code);
        Assert.True(samtoolsPg >= 0 && samtoolsPg == crbnPg, $"@PG line at {crbnPg}, samtools puts its own at {samtoolsPg}");
        Assert.Equal(samtools.Where((_, i) => i != samtoolsPg), crbn.Where((_, i) => i != crbnPg));
        Assert.StartsWith("@PG\tID:crbn\tPN:crbn\tPP:samtools.1\tVN:", crbn[crbnPg], StringComparison.Ordinal);
        Assert.EndsWith("CL:crbn view -H " + bam, crbn[crbnPg], StringComparison.Ordinal);
    }

    /// <summary>Regions drawn around the reads actually present (so most are non-empty), plus whole contigs and empty ones.</summary>
    private static string[] RandomRegions(string bam, Random rng, int n)
    {
        var contigs = ExternalTool.Run("samtools", "view", "-H", bam).Split('\n')
            .Where(l => l.StartsWith("@SQ", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Select(f => (Name: f.First(x => x.StartsWith("SN:", StringComparison.Ordinal))[3..],
                          Length: long.Parse(f.First(x => x.StartsWith("LN:", StringComparison.Ordinal))[3..], CultureInfo.InvariantCulture)))
            .ToDictionary(c => c.Name, c => c.Length);
        var placed = ExternalTool.Run("samtools", "view", bam).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t', 5))
            .Where(f => f[2] != "*")
            .Select(f => (Contig: f[2], Pos: long.Parse(f[3], CultureInfo.InvariantCulture)))
            .ToArray();

        var regions = new List<string>();
        while (regions.Count < n)
        {
            int kind = rng.Next(10);
            if (kind == 0 || placed.Length == 0)
            {
                string c = contigs.Keys.ElementAt(rng.Next(contigs.Count));
                string quoted = c.Contains(':', StringComparison.Ordinal) ? $"{{{c}}}" : c;
                regions.Add(rng.Next(2) == 0 ? quoted : $"{quoted}:{rng.NextInt64(1, contigs[c] + 1)}");
                continue;
            }

            var (name, pos) = placed[rng.Next(placed.Length)];
            string contig = name.Contains(':', StringComparison.Ordinal) ? $"{{{name}}}" : name;
            long start = Math.Max(1, pos + rng.Next(-300, 300));
            long end = Math.Min(contigs[name], start + rng.Next(0, kind < 5 ? 50 : 5000));
            regions.Add(rng.Next(3) == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{contig}:{start:N0}-{Math.Max(start, end):N0}")
                : string.Create(CultureInfo.InvariantCulture, $"{contig}:{start}-{Math.Max(start, end)}"));
        }

        return regions.ToArray();
    }

    private static void AssertSameLines(string expected, string actual, string what)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        for (int i = 0; i < Math.Min(e.Length, a.Length); i++)
        {
            Assert.True(e[i] == a[i], $"{what}: line {i + 1} differs\n samtools: {e[i]}\n crbn:     {a[i]}");
        }

        Assert.True(e.Length == a.Length, $"{what}: samtools printed {e.Length} lines, crbn {a.Length}");
    }
}
