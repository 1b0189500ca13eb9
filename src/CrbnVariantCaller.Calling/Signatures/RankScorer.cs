namespace CrbnVariantCaller.Calling.Signatures;

/// <summary>
/// A single-sample rank score in the spirit of singscore (Foroutan et al., BMC Bioinformatics 2018), needing no cohort.
/// <list type="number">
/// <item>Universe: every gene of the sample's own profile that has a TPM (for a BAM counted by crbn, the counted panel
/// genes; for an imported salmon/RSEM table, the whole table). Its size N is reported: with a dozen panel genes the
/// ranks are coarse, so prefer an imported transcriptome-wide table for this score.</item>
/// <item>Genes are ranked by TPM ascending, 1..N, ties sharing their mean rank (singscore's default is "min"; the mean
/// keeps the score symmetric).</item>
/// <item>For a set of n genes with mean rank S̄: score = (S̄ − S_min)/(S_max − S_min) − ½, with S_min = (n+1)/2 and
/// S_max = (2N − n + 1)/2, so each set scores in [−½, ½]. The adverse ("up") set uses the ranks, the favourable
/// ("down") set the reversed ranks N + 1 − r. Total = up + down in [−1, 1]; high = adverse genes high and favourable low.</item>
/// </list>
/// </summary>
public static class RankScorer
{
    /// <summary>Scores one sample within its own genes.</summary>
    public static RankScore Score(GeneSignature signature, IReadOnlyDictionary<string, double> tpmBySymbol)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(tpmBySymbol);
        var universe = tpmBySymbol.Where(kv => !double.IsNaN(kv.Value)).OrderBy(kv => kv.Value).ToList();
        int n = universe.Count;
        var ranks = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < n;)
        {
            int j = i;
            while (j + 1 < n && universe[j + 1].Value == universe[i].Value)
            {
                j++;
            }

            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++)
            {
                ranks[universe[k].Key] = mid;
            }

            i = j + 1;
        }

        double? up = SetScore(signature.Adverse, ranks, n, reversed: false);
        double? down = SetScore(signature.Favourable, ranks, n, reversed: true);
        var missing = signature.Genes.Where(g => !ranks.ContainsKey(g.Symbol)).Select(g => g.Symbol).ToList();
        return new RankScore(signature.Name, up.HasValue && down.HasValue ? up + down : null, up, down, n, missing,
            $"singscore-style: centred normalised mean rank of adverse genes + of favourable genes on reversed ranks, within the sample's {n} genes (ties: mean rank)");
    }

    private static double? SetScore(IEnumerable<SignatureGene> genes, Dictionary<string, double> ranks, int universe, bool reversed)
    {
        var r = genes.Where(g => ranks.ContainsKey(g.Symbol))
            .Select(g => reversed ? universe + 1 - ranks[g.Symbol] : ranks[g.Symbol]).ToList();
        int n = r.Count;
        if (n == 0)
        {
            return null;
        }

        if (n == universe)
        {
            return 0; // every gene is in the set: no contrast
        }

        double mean = r.Average();
        double min = (n + 1) / 2.0;
        double max = (2.0 * universe - n + 1) / 2.0;
        return (mean - min) / (max - min) - 0.5;
    }
}
