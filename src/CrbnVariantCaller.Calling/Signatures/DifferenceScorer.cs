namespace CrbnVariantCaller.Calling.Signatures;

/// <summary>
/// The IMiD-14-style score: weighted mean log2(TPM + 1) of the adverse genes minus that of the favourable genes
/// (weights default to 1, giving plain means). Genes missing from the profile are left out and listed; the score is
/// null when either side has none. The score is on the profile's own TPM scale, so compare it only with scores of
/// samples quantified the same way (a published cut-off does not transfer).
/// </summary>
public static class DifferenceScorer
{
    /// <summary>Scores one sample.</summary>
    /// <param name="signature">The gene set.</param>
    /// <param name="tpmBySymbol">The sample's TPM by gene symbol (case-insensitive lookup is applied).</param>
    public static DifferenceScore Score(GeneSignature signature, IReadOnlyDictionary<string, double> tpmBySymbol)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(tpmBySymbol);
        var tpm = new Dictionary<string, double>(tpmBySymbol, StringComparer.OrdinalIgnoreCase);
        (double? adverse, List<string> adverseUsed) = WeightedMean(signature.Adverse, tpm);
        (double? favourable, List<string> favourableUsed) = WeightedMean(signature.Favourable, tpm);
        var missing = signature.Genes.Where(g => !Has(tpm, g.Symbol)).Select(g => g.Symbol).ToList();
        double? score = adverse.HasValue && favourable.HasValue ? adverse - favourable : null;
        return new DifferenceScore(signature.Name, score, adverse, favourable, adverseUsed, favourableUsed, missing,
            "weighted mean log2(TPM+1) of adverse genes - weighted mean log2(TPM+1) of favourable genes; missing genes omitted");
    }

    private static (double? Mean, List<string> Used) WeightedMean(IEnumerable<SignatureGene> genes, Dictionary<string, double> tpm)
    {
        double sum = 0, weights = 0;
        var used = new List<string>();
        foreach (SignatureGene g in genes)
        {
            if (Has(tpm, g.Symbol))
            {
                sum += g.Weight * Math.Log2(tpm[g.Symbol] + 1);
                weights += g.Weight;
                used.Add(g.Symbol);
            }
        }

        return (weights > 0 ? sum / weights : null, used);
    }

    private static bool Has(Dictionary<string, double> tpm, string symbol) =>
        tpm.TryGetValue(symbol, out double v) && !double.IsNaN(v) && v >= 0;
}
