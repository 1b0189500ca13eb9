using CrbnVariantCaller.TestSupport;

namespace CrbnVariantCaller.Reliability.Tests.Runs;

/// <summary>
/// An 8-sample batch of small SYNTHETIC testdata BAMs (4 × WGS_NEG DNA, 4 × RNA_LOWDEPTH RNA): 2–3 s of
/// <c>crbn batch</c>, long enough to be killed or signalled at many points.
/// </summary>
internal sealed class BatchFixture : IDisposable
{
    /// <summary>Samples in the default sheet (the kill-and-resume points follow them one by one).</summary>
    public const int Samples = 8;

    /// <summary>A sheet of <paramref name="samples"/> samples (an even number: W1, R1, W2, R2, ...). A signal test takes a
    /// longer batch so that the batch cannot finish between the progress line it waits for and the signal.</summary>
    public BatchFixture(int samples = Samples)
    {
        SampleCount = samples;
        Root = Directory.CreateTempSubdirectory("crbn-rel-").FullName;
        string dna = Path.Combine(RepoPaths.TestData, "dna", "wgs_negative", "WGS_NEG.bam");
        string rna = Path.Combine(RepoPaths.TestData, "rna", "low_depth", "RNA_LOWDEPTH.bam");
        var lines = new List<string> { "sample,dna,normal,rna" };
        for (int i = 1; i <= samples / 2; i++)
        {
            lines.Add($"W{i},{dna},,");
            lines.Add($"R{i},,,{rna}");
        }

        Sheet = Path.Combine(Root, "sheet.csv");
        File.WriteAllLines(Sheet, lines);
    }

    public static string Reference => Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.fa.gz");

    /// <summary>The sample IDs of the default sheet, in order.</summary>
    public static IEnumerable<string> SampleIds => IdsOf(Samples);

    /// <summary>The number of samples in this sheet.</summary>
    public int SampleCount { get; }

    /// <summary>The sample IDs of this sheet, in order.</summary>
    public IEnumerable<string> Ids => IdsOf(SampleCount);

    private static IEnumerable<string> IdsOf(int samples) => Enumerable.Range(1, samples / 2).SelectMany(i => new[] { $"W{i}", $"R{i}" });

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
