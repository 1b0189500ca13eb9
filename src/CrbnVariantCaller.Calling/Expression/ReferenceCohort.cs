namespace CrbnVariantCaller.Calling.Expression;

/// <summary>
/// A reference cohort for expression percentiles: per gene, the TPM of N samples (the user's own cohort, built with
/// <see cref="CohortBuilder"/> and stored as the documented cohort TSV, or the current batch). Percentiles use
/// <see cref="PercentileRank"/>; no absolute cut-off is ever applied.
/// </summary>
public sealed class ReferenceCohort
{
    private readonly Dictionary<string, double[]> _sorted;

    /// <summary>Creates a cohort.</summary>
    /// <param name="sampleIds">Sample ids, in column order.</param>
    /// <param name="tpmByGene">Per gene symbol, one TPM per sample in <paramref name="sampleIds"/> order; NaN where a sample lacks the gene.</param>
    /// <param name="tpmBasis">What the TPMs are relative to (must match the profiles ranked against it).</param>
    /// <param name="minimumSamples">Genes with fewer non-missing values get no percentile. Default 5.</param>
    public ReferenceCohort(
        IReadOnlyList<string> sampleIds,
        IReadOnlyDictionary<string, double[]> tpmByGene,
        string tpmBasis,
        int minimumSamples = 5)
    {
        ArgumentNullException.ThrowIfNull(sampleIds);
        ArgumentNullException.ThrowIfNull(tpmByGene);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumSamples, 1);
        SampleIds = sampleIds;
        TpmBasis = tpmBasis;
        MinimumSamples = minimumSamples;
        TpmByGene = new Dictionary<string, double[]>(tpmByGene, StringComparer.OrdinalIgnoreCase);
        _sorted = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase);
        foreach ((string gene, double[] values) in tpmByGene)
        {
            if (values.Length != sampleIds.Count)
            {
                throw new ArgumentException($"gene {gene} has {values.Length} values for {sampleIds.Count} samples", nameof(tpmByGene));
            }

            double[] sorted = values.Where(v => !double.IsNaN(v)).ToArray();
            Array.Sort(sorted);
            _sorted[gene] = sorted;
        }
    }

    /// <summary>Sample ids, in column order.</summary>
    public IReadOnlyList<string> SampleIds { get; }

    /// <summary>Per gene, TPM per sample (NaN = missing), in <see cref="SampleIds"/> order.</summary>
    public IReadOnlyDictionary<string, double[]> TpmByGene { get; }

    /// <summary>What the TPMs are relative to.</summary>
    public string TpmBasis { get; }

    /// <summary>Minimum non-missing values for a percentile.</summary>
    public int MinimumSamples { get; }

    /// <summary>The genes of the cohort.</summary>
    public IEnumerable<string> Genes => TpmByGene.Keys;

    /// <summary>The cohort made of a batch of profiles (each sample is then ranked among the batch, itself included).</summary>
    public static ReferenceCohort FromBatch(IReadOnlyList<(string SampleId, ExpressionProfile Profile)> batch, int minimumSamples = 5)
    {
        var builder = new CohortBuilder();
        foreach ((string id, ExpressionProfile p) in batch)
        {
            builder.Add(id, p);
        }

        return builder.Build(minimumSamples);
    }

    /// <summary>The percentile of a TPM value of <paramref name="symbol"/>.</summary>
    public GenePercentile Percentile(string symbol, double? tpm)
    {
        if (tpm is null || double.IsNaN(tpm.Value))
        {
            return new GenePercentile(symbol, null, 0, "no TPM for this gene in the sample");
        }

        if (!_sorted.TryGetValue(symbol, out double[]? sorted))
        {
            return new GenePercentile(symbol, null, 0, "gene not in the reference cohort");
        }

        if (sorted.Length < MinimumSamples)
        {
            return new GenePercentile(symbol, null, sorted.Length, $"only {sorted.Length} reference values (at least {MinimumSamples} needed)");
        }

        return new GenePercentile(symbol, PercentileRank.Of(tpm.Value, sorted), sorted.Length, null);
    }

    /// <summary>Percentiles of every gene of <paramref name="profile"/> (or only <paramref name="symbols"/>).</summary>
    public IReadOnlyList<GenePercentile> Percentiles(ExpressionProfile profile, IEnumerable<string>? symbols = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        IEnumerable<string> genes = symbols ?? profile.Genes.Select(g => g.Symbol);
        return genes.Select(s => Percentile(s, profile[s]?.Tpm)).ToList();
    }
}
