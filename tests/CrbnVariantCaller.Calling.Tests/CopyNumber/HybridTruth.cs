using System.Text.Json;

namespace CrbnVariantCaller.Calling.Tests.CopyNumber;

/// <summary>A sample's design in testdata/dna/copy_number_hybrid/truth.json.</summary>
public sealed record HybridTruth(string Sample, string State, double Purity, double ExpectedLog2, double ExpectedMinorBaf, int Copies, int MinorCopies, int[] ExonsAffected, string Segment)
{
    public static HybridTruth For(string sample)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(CopyNumberWorld.HybridDir, "truth.json")));
        JsonElement s = doc.RootElement.GetProperty("samples").EnumerateArray().Single(e => e.GetProperty("sample").GetString() == sample);
        return new HybridTruth(
            sample,
            s.GetProperty("state").GetString()!,
            s.GetProperty("purity").GetDouble(),
            s.GetProperty("expected_crbn_log2").GetDouble(),
            s.GetProperty("expected_minor_baf").GetDouble(),
            s.GetProperty("tumor_copies").GetInt32(),
            s.GetProperty("tumor_minor_copies").GetInt32(),
            s.GetProperty("exons_affected").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
            s.GetProperty("segment").GetString()!);
    }

    /// <summary>The designed segment's start and end (1-based), or null for none.</summary>
    public (int Start, int End)? Bounds
    {
        get
        {
            if (Segment.Length == 0)
            {
                return null;
            }

            string[] range = Segment.Split(':')[1].Split('-');
            return (int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(range[1], System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
