using CrbnVariantCaller.TestSupport;

namespace CrbnVariantCaller.Reliability.Tests.Runs;

/// <summary>
/// An 8-sample batch of small SYNTHETIC testdata BAMs (4 × WGS_NEG DNA, 4 × RNA_LOWDEPTH RNA): 2–3 s of
/// <c>crbn batch</c>, long enough to be killed or signalled at many points.
/// </summary>
internal sealed class BatchFixture : IDisposable
{
    public const int Samples = 8;

    public BatchFixture()
    {
        Root = Directory.CreateTempSubdirectory("crbn-rel-").FullName;
        string dna = Path.Combine(RepoPaths.TestData, "dna", "wgs_negative", "WGS_NEG.bam");
        string rna = Path.Combine(RepoPaths.TestData, "rna", "low_depth", "RNA_LOWDEPTH.bam");
        var lines = new List<string> { "sample,dna,normal,rna" };
        for (int i = 1; i <= Samples / 2; i++)
        {
            lines.Add($"W{i},{dna},,");
            lines.Add($"R{i},,,{rna}");
        }

        Sheet = Path.Combine(Root, "sheet.csv");
        File.WriteAllLines(Sheet, lines);
    }

    public static string Reference => Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.fa.gz");

    /// <summary>The sample IDs of the sheet, in order.</summary>
    public static IEnumerable<string> SampleIds =>
        Enumerable.Range(1, Samples / 2).SelectMany(i => new[] { $"W{i}", $"R{i}" });

    public string Root { get; }

    public string Sheet { get; }

    public string NewOutDir(string name) => Path.Combine(Root, name);

    public string[] BatchArgs(string outDir, params string[] extra) =>
        ["batch", "--samples", Sheet, "--reference", Reference, "--out", outDir, "--jobs", "1", .. extra];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
