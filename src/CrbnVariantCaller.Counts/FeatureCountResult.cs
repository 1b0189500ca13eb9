namespace CrbnVariantCaller.Counts;

/// <summary>Reads or fragments per gene, the per-read assignment behind them, and the featureCounts-style summary.</summary>
public sealed class FeatureCountResult
{
    public FeatureCountResult(int[] assignments, int geneCount)
    {
        Assignments = assignments;
        GeneCounts = new long[geneCount];
        foreach (int a in assignments)
        {
            if (a >= 0)
            {
                GeneCounts[a]++;
            }
            else
            {
                Summary[(FeatureAssignment)a] = Summary.GetValueOrDefault((FeatureAssignment)a) + 1;
            }
        }
    }

    private FeatureCountResult(long[] geneCounts, Dictionary<FeatureAssignment, long> summary)
    {
        Assignments = [];
        GeneCounts = geneCounts;
        Summary = summary;
    }

    /// <summary>
    /// The totals of results counted chunk by chunk (gene counts and summary added up). The per-read assignments are not
    /// kept: <see cref="Assignments"/> is empty.
    /// </summary>
    public static FeatureCountResult Sum(IEnumerable<FeatureCountResult> parts, int geneCount)
    {
        ArgumentNullException.ThrowIfNull(parts);
        long[] genes = new long[geneCount];
        var summary = new Dictionary<FeatureAssignment, long>();
        foreach (FeatureCountResult part in parts)
        {
            for (int g = 0; g < geneCount; g++)
            {
                genes[g] += part.GeneCounts[g];
            }

            foreach ((FeatureAssignment key, long n) in part.Summary)
            {
                summary[key] = summary.GetValueOrDefault(key) + n;
            }
        }

        return new FeatureCountResult(genes, summary);
    }

    /// <summary>Per read: the gene index it (or its fragment) was assigned to, or a negative <see cref="FeatureAssignment"/>.</summary>
    public int[] Assignments { get; }

    /// <summary>Assigned reads or fragments per gene index.</summary>
    public long[] GeneCounts { get; }

    /// <summary>How many reads or fragments ended in each unassigned state.</summary>
    public Dictionary<FeatureAssignment, long> Summary { get; } = [];

    /// <summary>Total assigned.</summary>
    public long Assigned => GeneCounts.Sum();
}
