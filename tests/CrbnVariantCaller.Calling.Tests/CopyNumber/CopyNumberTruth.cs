using System.Text.Json;

namespace CrbnVariantCaller.Calling.Tests.CopyNumber;

/// <summary>A tumour's design in testdata/dna/copy_number/truth.json.</summary>
public sealed record CopyNumberTruth(string Sample, string State, double ExpectedDepthRatio, int[] ExonsAffected, double Purity)
{
    public static CopyNumberTruth For(string sample)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(CopyNumberWorld.Dir, "truth.json")));
        JsonElement s = doc.RootElement.GetProperty("samples").EnumerateArray().Single(e => e.GetProperty("sample").GetString() == sample);
        return new CopyNumberTruth(
            sample,
            s.GetProperty("state").GetString()!,
            s.GetProperty("expected_depth_ratio").GetDouble(),
            s.GetProperty("exons_affected").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
            s.GetProperty("purity").GetDouble());
    }
}
