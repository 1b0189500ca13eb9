namespace CrbnVariantCaller.Calling.Expression;

/// <summary>
/// Collects sample profiles into a <see cref="ReferenceCohort"/> (<c>crbn cohort build</c>): the gene set is the union
/// of the samples' genes (NaN where a sample lacks one), and all profiles must share one TPM basis.
/// </summary>
public sealed class CohortBuilder
{
    private readonly List<(string Id, ExpressionProfile Profile)> _samples = [];

    /// <summary>Samples added so far.</summary>
    public int Count => _samples.Count;

    /// <summary>Adds one sample.</summary>
    /// <exception cref="ArgumentException">The id is already present, or the profile's TPM basis differs from the first one's.</exception>
    public CohortBuilder Add(string sampleId, ExpressionProfile profile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sampleId);
        ArgumentNullException.ThrowIfNull(profile);
        if (_samples.Any(s => s.Id == sampleId))
        {
            throw new ArgumentException($"sample {sampleId} was added twice", nameof(sampleId));
        }

        if (_samples.Count > 0 && _samples[0].Profile.TpmBasis != profile.TpmBasis)
        {
            throw new ArgumentException(
                $"sample {sampleId} has TPM relative to '{profile.TpmBasis}', the cohort so far to '{_samples[0].Profile.TpmBasis}'", nameof(profile));
        }

        _samples.Add((sampleId, profile));
        return this;
    }

    /// <summary>The cohort of every sample added.</summary>
    public ReferenceCohort Build(int minimumSamples = 5)
    {
        var genes = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (GeneExpression g in _samples.SelectMany(s => s.Profile.Genes))
        {
            if (seen.Add(g.Symbol))
            {
                genes.Add(g.Symbol);
            }
        }

        var values = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase);
        foreach (string gene in genes)
        {
            values[gene] = _samples.Select(s => s.Profile[gene]?.Tpm ?? double.NaN).ToArray();
        }

        return new ReferenceCohort(_samples.Select(s => s.Id).ToList(), values,
            _samples.Count == 0 ? "empty" : _samples[0].Profile.TpmBasis, minimumSamples);
    }
}
