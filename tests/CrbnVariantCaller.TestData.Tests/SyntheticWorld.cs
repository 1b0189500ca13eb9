using System.Text.Json;
using CrbnVariantCaller.TestSupport;

namespace CrbnVariantCaller.TestData.Tests;

/// <summary>One row of <c>testdata/manifest.tsv</c>.</summary>
/// <param name="Scenario">Scenario folder name (for example <c>deep_panel</c>).</param>
/// <param name="Sample">Sample name, or <c>-</c> for non-sample files.</param>
/// <param name="Assay"><c>dna</c>, <c>rna</c> or <c>reference</c>.</param>
/// <param name="Role">Role such as <c>demo_dna</c>, <c>tumor</c> or <c>panel_of_normals</c>.</param>
/// <param name="File">Path relative to <c>testdata/</c>.</param>
/// <param name="TruthVcf">Truth VCF relative to <c>testdata/</c>, or empty.</param>
/// <param name="TruthJson">Scenario truth JSON relative to <c>testdata/</c>, or empty.</param>
internal sealed record ManifestRow(string Scenario, string Sample, string Assay, string Role, string File,
    string TruthVcf, string TruthJson);

/// <summary>The committed synthetic test world under <c>testdata/</c>: paths, manifest and truth files.</summary>
internal static class SyntheticWorld
{
    public static string Reference => Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.fa.gz");

    public static string Gtf => Path.Combine(RepoPaths.TestData, "reference", "crbn_world.GRCh38.gtf");

    public static string PathOf(string relative) => Path.Combine(RepoPaths.TestData, relative);

    public static IReadOnlyList<ManifestRow> Manifest { get; } = LoadManifest();

    public static IEnumerable<ManifestRow> Bams => Manifest.Where(r => r.File.EndsWith(".bam", StringComparison.Ordinal));

    public static JsonDocument Truth(string relative) => JsonDocument.Parse(File.ReadAllText(PathOf(relative)));

    /// <summary>The sample entry of a scenario truth JSON.</summary>
    public static JsonElement SampleTruth(JsonDocument doc, string sample) =>
        doc.RootElement.GetProperty("samples").EnumerateArray()
            .Single(s => s.GetProperty("sample").GetString() == sample);

    private static List<ManifestRow> LoadManifest()
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepoPaths.TestData, "manifest.tsv"));
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t'))
            .Select(f => new ManifestRow(f[0], f[1], f[2], f[3], f[4], f[5], f[6])).ToList();
    }
}
