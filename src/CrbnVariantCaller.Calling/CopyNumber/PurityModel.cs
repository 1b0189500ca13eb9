namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>
/// Tumour purity and integer copy states from depth ratio and B-allele frequency together (in the spirit of
/// FACETS/PureCN, for a diploid genome): a segment at purity p with C tumour copies, m of them of the minor allele,
/// has log2 = log2((pC + 2(1−p))/2) and minor-allele fraction (pm + (1−p))/(pC + 2(1−p)). Purity is the p on a 0.01
/// grid that best explains every aberrant segment (sum of squared z over log2 and BAF, plus a small penalty per copy
/// away from 2, so that the simpler of two equally good states wins).
/// </summary>
public static class PurityModel
{
    /// <summary>Copies considered: 0 to this.</summary>
    public const int MaxCopies = 6;

    /// <summary>Expected log2 ratio at purity <paramref name="purity"/> with <paramref name="copies"/> tumour copies.</summary>
    public static double ExpectedLog2(double purity, int copies) => Math.Log2(Math.Max(1e-3, (purity * copies) + (2 * (1 - purity))) / 2);

    /// <summary>Expected mirrored BAF deviation 0.5 − minor fraction (0 when no tumour copy is left).</summary>
    public static double ExpectedDeviation(double purity, int copies, int minor)
    {
        double total = (purity * copies) + (2 * (1 - purity));
        return total <= 0 ? 0 : 0.5 - (((purity * minor) + (1 - purity)) / total);
    }

    /// <summary>The evidence of one segment for the model.</summary>
    /// <param name="Log2">Segment log2.</param>
    /// <param name="Log2Se">Its standard error (floored by the caller).</param>
    /// <param name="Imbalance">Its allelic imbalance (no sites: depth only).</param>
    public sealed record Evidence(double Log2, double Log2Se, AlleleImbalance Imbalance);

    /// <summary>One allelic copy state with its fit.</summary>
    /// <param name="Copies">Total tumour copies.</param>
    /// <param name="Minor">Copies of the minor allele.</param>
    /// <param name="Cost">Squared z sum plus the copy penalty.</param>
    public sealed record State(int Copies, int Minor, double Cost);

    /// <summary>Every state's cost for a segment at a purity, best first.</summary>
    public static IReadOnlyList<State> States(double purity, Evidence e, CopyNumberOptions options)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(options);
        bool useBaf = e.Imbalance.Sites >= options.MinBafSites;
        var states = new List<State>();
        for (int c = 0; c <= MaxCopies; c++)
        {
            for (int m = 0; m <= c / 2; m++)
            {
                double z = (e.Log2 - ExpectedLog2(purity, c)) / e.Log2Se;
                double cost = (z * z) + (options.CopyPenalty * Math.Abs(c - 2));
                if (useBaf)
                {
                    double zb = (e.Imbalance.Deviation - ExpectedDeviation(purity, c, m)) / Math.Max(e.Imbalance.StandardError, options.MinBafSe);
                    cost += zb * zb;
                }
                else if (m != c / 2)
                {
                    continue; // without BAF the minor copies are not known: keep one state per total
                }

                states.Add(new State(c, m, cost));
            }
        }

        return states.OrderBy(s => s.Cost).ToList();
    }

    /// <summary>
    /// The purity that best explains <paramref name="aberrant"/> (segments that differ from two balanced copies), or
    /// null when there are none.
    /// </summary>
    public static double? EstimatePurity(IReadOnlyList<Evidence> aberrant, CopyNumberOptions options)
    {
        ArgumentNullException.ThrowIfNull(aberrant);
        if (aberrant.Count == 0)
        {
            return null;
        }

        double best = double.PositiveInfinity;
        double bestP = double.NaN;
        for (int step = 5; step <= 100; step++)
        {
            double p = step / 100.0;
            double cost = aberrant.Sum(e => States(p, e, options).Where(s => !(s.Copies == 2 && s.Minor == 1)).Min(s => s.Cost));
            if (cost < best - 1e-9)
            {
                best = cost;
                bestP = p;
            }
        }

        return bestP;
    }

    /// <summary>The most likely state at <paramref name="purity"/> and its posterior probability among all states.</summary>
    public static (State Best, double Confidence) Copies(double purity, Evidence e, CopyNumberOptions options)
    {
        IReadOnlyList<State> states = States(purity, e, options);
        double min = states[0].Cost;
        double total = states.Sum(s => Math.Exp(-(s.Cost - min) / 2));
        return (states[0], 1 / total);
    }
}
