namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>
/// Allelic imbalance of a segment from its heterozygous SNPs: the mirrored B-allele deviation d (the two alleles at
/// 0.5 − d and 0.5 + d), fitted by maximum likelihood of a symmetric two-binomial mixture (unbiased, unlike the mean
/// of |BAF − 0.5|), with a likelihood-ratio test against d = 0.
/// </summary>
/// <param name="Sites">Heterozygous sites in the segment.</param>
/// <param name="Deviation">Fitted d (0–0.5).</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="LikelihoodRatio">2 × (log-likelihood at d − log-likelihood at 0).</param>
public sealed record AlleleImbalance(int Sites, double Deviation, double StandardError, double LikelihoodRatio)
{
    /// <summary>No sites.</summary>
    public static AlleleImbalance None { get; } = new(0, 0, double.NaN, 0);

    /// <summary>The minor-allele fraction 0.5 − d.</summary>
    public double MinorFraction => 0.5 - Deviation;

    /// <summary>Fits the imbalance of <paramref name="sites"/>.</summary>
    public static AlleleImbalance Fit(IReadOnlyList<HetSite> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        if (sites.Count == 0)
        {
            return None;
        }

        double best = double.NegativeInfinity;
        double bestD = 0;
        double atZero = LogLikelihood(sites, 0);
        for (int step = 0; step <= 96; step++)
        {
            double d = step * 0.005;
            double ll = LogLikelihood(sites, d);
            if (ll > best)
            {
                best = ll;
                bestD = d;
            }
        }

        int reads = sites.Sum(s => s.Depth);
        double p = 0.5 - bestD;
        double se = Math.Sqrt(Math.Max(p * (1 - p), 0.01) / reads);
        return new AlleleImbalance(sites.Count, bestD, Math.Max(se, 0.005), 2 * (best - atZero));
    }

    private static double LogLikelihood(IReadOnlyList<HetSite> sites, double d)
    {
        double lo = Math.Max(1e-4, 0.5 - d);
        double hi = Math.Min(1 - 1e-4, 0.5 + d);
        double sum = 0;
        foreach (HetSite s in sites)
        {
            double a = (s.AltCount * Math.Log(lo)) + (s.RefCount * Math.Log(1 - lo));
            double b = (s.AltCount * Math.Log(hi)) + (s.RefCount * Math.Log(1 - hi));
            double m = Math.Max(a, b);
            sum += m + Math.Log(0.5 * (Math.Exp(a - m) + Math.Exp(b - m)));
        }

        return sum;
    }
}
