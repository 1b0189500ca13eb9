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

    /// <summary>Per read: the gene index it (or its fragment) was assigned to, or a negative <see cref="FeatureAssignment"/>.</summary>
    public int[] Assignments { get; }

    /// <summary>Assigned reads or fragments per gene index.</summary>
    public long[] GeneCounts { get; }

    /// <summary>How many reads or fragments ended in each unassigned state.</summary>
    public Dictionary<FeatureAssignment, long> Summary { get; } = [];

    /// <summary>Total assigned.</summary>
    public long Assigned => GeneCounts.Sum();
}
