using CrbnVariantCaller.TestSupport;

namespace CrbnVariantCaller.Cli.Tests.Workflow;

/// <summary>
/// The reference every workflow run is compared with: <c>crbn pon</c> on the testdata normals, then <c>crbn batch</c> on
/// <c>testdata/batch/samples.csv</c> with that panel, once per test class.
/// </summary>
public sealed class TestdataBatch : IDisposable
{
    public static readonly string Sheet = Path.Combine(RepoPaths.TestData, "batch", "samples.csv");
    public static readonly string Reference = Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.fa.gz");
    public static readonly string[] Normals = ["PON_N1", "PON_N2", "PON_N3", "PON_N4"];

    public TestdataBatch()
    {
        Root = Directory.CreateTempSubdirectory("crbn-wf-").FullName;
        Pon = Path.Combine(Root, "panel_of_normals.tsv");
        OutDir = Path.Combine(Root, "batch");
        var pon = CrbnProcess.Run(["pon", "--normals", .. NormalBams, "--reference", Reference, "--out", Pon, "--device", "cpu"]);
        if (pon.ExitCode != 0)
        {
            throw new InvalidOperationException($"crbn pon exited {pon.ExitCode}: {pon.Stderr}");
        }

        var batch = CrbnProcess.Run("batch", "--samples", Sheet, "--reference", Reference, "--out", OutDir, "--pon", Pon, "--jobs", "2", "--device", "cpu");
        if (batch.ExitCode != 0)
        {
            throw new InvalidOperationException($"crbn batch exited {batch.ExitCode}: {batch.Stderr}");
        }
    }

    public static IEnumerable<string> NormalBams => Normals.Select(n => Path.Combine(RepoPaths.TestData, "dna", "copy_number", n + ".bam"));

    /// <summary>Scratch folder of this test class (removed at the end).</summary>
    public string Root { get; }

    public string Pon { get; }

    public string OutDir { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
