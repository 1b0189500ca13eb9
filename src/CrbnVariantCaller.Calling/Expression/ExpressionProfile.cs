namespace CrbnVariantCaller.Calling.Expression;

/// <summary>
/// One sample's expression: genes by symbol (case-insensitive), where the numbers came from, and how TPM was scaled.
/// Made by <see cref="ExpressionQuantifier"/> from a BAM, or by <see cref="FromImported"/> from an expression table.
/// </summary>
public sealed class ExpressionProfile
{
    private readonly Dictionary<string, GeneExpression> _genes;

    /// <summary>Creates a profile.</summary>
    /// <param name="genes">Genes (symbols must be unique, case-insensitive).</param>
    /// <param name="source">Where the numbers came from, for the report (e.g. <c>"feature-count kernel"</c> or <c>"salmon quant.sf"</c>).</param>
    /// <param name="tpmBasis">What TPM is relative to (e.g. <c>"12 panel genes"</c>, <c>"all transcripts"</c>): percentiles are only comparable on one basis.</param>
    public ExpressionProfile(IEnumerable<GeneExpression> genes, string source, string tpmBasis)
    {
        ArgumentNullException.ThrowIfNull(genes);
        Source = source;
        TpmBasis = tpmBasis;
        _genes = new Dictionary<string, GeneExpression>(StringComparer.OrdinalIgnoreCase);
        foreach (GeneExpression g in genes)
        {
            if (!_genes.TryAdd(g.Symbol, g))
            {
                throw new ArgumentException($"gene {g.Symbol} is listed twice", nameof(genes));
            }
        }

        Genes = _genes.Values.ToList();
    }

    /// <summary>Every gene, in the order given.</summary>
    public IReadOnlyList<GeneExpression> Genes { get; }

    /// <summary>Where the numbers came from.</summary>
    public string Source { get; }

    /// <summary>What TPM is relative to.</summary>
    public string TpmBasis { get; }

    /// <summary>The gene with this symbol, or null.</summary>
    public GeneExpression? this[string symbol] => _genes.GetValueOrDefault(symbol);

    /// <summary>TPM by symbol for genes that have one (the input of the signature scores).</summary>
    public IReadOnlyDictionary<string, double> TpmBySymbol() =>
        _genes.Values.Where(g => g.Tpm.HasValue).ToDictionary(g => g.Symbol, g => g.Tpm!.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A profile from imported values (salmon, RSEM, featureCounts or a matrix). Where a gene has counts and a length
    /// but no TPM (featureCounts output), TPM is computed over the imported genes that have both, as
    /// <see cref="ExpressionQuantifier"/> does; imported TPMs are kept as they are.
    /// </summary>
    /// <param name="values">(symbol, counts, tpm, length) per gene; null where the table has no such column.</param>
    /// <param name="source">The table format, for the report.</param>
    /// <param name="librarySize">Library size for CPM (null: the sum of the imported counts, as edgeR does).</param>
    public static ExpressionProfile FromImported(
        IEnumerable<(string Symbol, double? Counts, double? Tpm, double? Length)> values,
        string source,
        double? librarySize = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToList();
        bool computeTpm = list.All(v => v.Tpm is null) && list.Any(v => v.Counts.HasValue && v.Length is > 0);
        double rateSum = computeTpm ? list.Where(v => v.Counts.HasValue && v.Length is > 0).Sum(v => v.Counts!.Value / v.Length!.Value) : 0;
        double library = librarySize ?? list.Sum(v => v.Counts ?? 0);
        IEnumerable<GeneExpression> genes = list.Select(v =>
        {
            double? tpm = v.Tpm;
            if (computeTpm && v.Counts.HasValue && v.Length is > 0)
            {
                tpm = rateSum > 0 ? v.Counts.Value / v.Length.Value / rateSum * 1e6 : 0;
            }

            double? cpm = v.Counts.HasValue && library > 0 ? v.Counts.Value / library * 1e6 : null;
            return new GeneExpression(v.Symbol, v.Counts, tpm, cpm, v.Length);
        });
        string basis = computeTpm ? $"computed from counts over the {list.Count(v => v.Counts.HasValue && v.Length is > 0)} imported genes" : "as imported";
        return new ExpressionProfile(genes, source, basis);
    }
}
