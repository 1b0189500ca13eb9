namespace CrbnVariantCaller.Counts;

/// <summary>
/// Features sorted by (refID, start) in flat arrays, ready for every backend: <c>FirstByReference[ref]..FirstByReference[ref+1]</c>
/// is the range of one reference, starts are 0-based, ends exclusive.
/// </summary>
public sealed class FeatureIndex
{
    /// <summary>Builds the index; <paramref name="geneCount"/> is the number of genes (meta-features).</summary>
    public FeatureIndex(IEnumerable<FeatureInterval> features, int geneCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfNegative(geneCount);
        FeatureInterval[] sorted = features
            .OrderBy(f => f.ReferenceId).ThenBy(f => f.Start.Value).ThenBy(f => f.End.Value).ThenBy(f => f.GeneIndex)
            .ToArray();
        int refs = sorted.Length == 0 ? 0 : sorted[^1].ReferenceId + 1;
        GeneCount = geneCount;
        Starts = new int[sorted.Length];
        Ends = new int[sorted.Length];
        Strands = new byte[sorted.Length];
        Genes = new int[sorted.Length];
        FirstByReference = new int[refs + 1];
        int maxLength = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            FeatureInterval f = sorted[i];
            ArgumentOutOfRangeException.ThrowIfNegative(f.ReferenceId);
            if (f.GeneIndex < 0 || f.GeneIndex >= geneCount)
            {
                throw new ArgumentException($"feature gene index {f.GeneIndex} is outside 0..{geneCount - 1}", nameof(features));
            }

            Starts[i] = f.Start.ZeroBased;
            Ends[i] = f.End.Value;
            Strands[i] = (byte)f.Strand;
            Genes[i] = f.GeneIndex;
            maxLength = Math.Max(maxLength, Ends[i] - Starts[i]);
            FirstByReference[f.ReferenceId + 1] = i + 1;
        }

        for (int r = 1; r <= refs; r++)
        {
            FirstByReference[r] = Math.Max(FirstByReference[r], FirstByReference[r - 1]);
        }

        MaxFeatureLength = maxLength;
    }

    /// <summary>Number of genes.</summary>
    public int GeneCount { get; }

    /// <summary>Number of features.</summary>
    public int Count => Starts.Length;

    /// <summary>Number of references covered (one more than the largest refID).</summary>
    public int ReferenceCount => FirstByReference.Length - 1;

    /// <summary>The longest feature, which bounds the backward search from a read block.</summary>
    public int MaxFeatureLength { get; }

    internal int[] FirstByReference { get; }

    internal int[] Starts { get; }

    internal int[] Ends { get; }

    internal byte[] Strands { get; }

    internal int[] Genes { get; }
}
