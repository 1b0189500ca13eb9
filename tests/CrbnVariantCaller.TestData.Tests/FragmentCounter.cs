using CrbnVariantCaller.TestSupport;

namespace CrbnVariantCaller.TestData.Tests;

/// <summary>
/// Counts distinct fragments (read names) overlapping a region, grouped by the haplotype or source encoded in
/// the read name (<c>SOURCE_serial</c>), using <c>samtools view -F 0x904</c> as the oracle.
/// </summary>
internal static class FragmentCounter
{
    public static Dictionary<string, int> ByHaplotype(string bam, string region)
    {
        string sam = ExternalTool.Run("samtools", "view", "-F", "0x904", bam, region);
        Dictionary<string, HashSet<string>> names = new(StringComparer.Ordinal);
        foreach (string line in sam.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string qname = line[..line.IndexOf('\t')];
            string source = qname[..qname.LastIndexOf('_')];
            if (!names.TryGetValue(source, out HashSet<string>? set))
            {
                names[source] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(qname);
        }

        return names.ToDictionary(kv => kv.Key, kv => kv.Value.Count, StringComparer.Ordinal);
    }

    /// <summary>True when <paramref name="k"/> successes of <paramref name="n"/> lie within 4 binomial SDs of p (plus one count of slack).</summary>
    public static bool WithinBinomialError(int k, int n, double p, out string detail)
    {
        double mean = n * p;
        double sd = Math.Sqrt(n * p * (1 - p));
        double delta = Math.Abs(k - mean);
        detail = $"observed {k}/{n} = {(n == 0 ? 0 : (double)k / n):F4}, design {p:F4}, |k-np| = {delta:F1}, 4sd+1 = {4 * sd + 1:F1}";
        return n > 0 && delta <= 4 * sd + 1;
    }
}
