namespace CrbnVariantCaller.Calling.Snv;

/// <summary>
/// Strand bias as an effect size plus a significance test, so that it stays calibrated at any depth: the alt reads'
/// forward fraction is compared with the reference reads' forward fraction (not with 50 %), so a region sequenced on
/// one strand only is never rejected; a difference must be both large (effect size) and significant (binomial test of
/// the alt forward count against the reference fraction). At 2000x a raw Fisher test rejects trivial imbalances; here
/// a 5-point difference never rejects however deep the site is.
/// </summary>
public static class StrandBias
{
    /// <summary>True when the alt strand distribution differs from the reference's by at least <paramref name="minDifference"/> with p &lt; <paramref name="alpha"/>.</summary>
    public static bool Rejects(StrandCounts reference, StrandCounts alt, double minDifference, double alpha)
    {
        if (alt.Total == 0)
        {
            return false;
        }

        // Smoothed reference forward fraction, kept off 0 and 1 so that a one-strand region is a real expectation.
        double expected = Math.Clamp((reference.Forward + 1.0) / (reference.Total + 2.0), 0.01, 0.99);
        double observed = (double)alt.Forward / alt.Total;
        if (Math.Abs(observed - expected) < minDifference)
        {
            return false;
        }

        return TwoSidedPValue(alt.Forward, alt.Total, expected) < alpha;
    }

    /// <summary>Two-sided binomial p-value of <paramref name="k"/> successes in <paramref name="n"/> at rate <paramref name="p"/> (twice the smaller tail).</summary>
    public static double TwoSidedPValue(int k, int n, double p)
    {
        double upper = PoissonBinomial.BinomialUpperTail(n, p, k);
        double lower = 1 - PoissonBinomial.BinomialUpperTail(n, p, k + 1);
        return Math.Min(1, 2 * Math.Min(upper, lower));
    }
}
