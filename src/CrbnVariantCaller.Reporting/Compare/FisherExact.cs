namespace CrbnVariantCaller.Reporting.Compare;

/// <summary>
/// Fisher's exact test on a 2×2 table (alt and ref reads at two time points): the two-sided p-value sums the
/// hypergeometric probabilities of every table with the same margins that is no more likely than the one observed
/// (the definition R's <c>fisher.test</c> uses).
/// </summary>
public static class FisherExact
{
    /// <summary>The two-sided p-value of the table [[a, b], [c, d]].</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static double TwoSided(int a, int b, int c, int d)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(a);
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        ArgumentOutOfRangeException.ThrowIfNegative(d);
        int row1 = a + b, row2 = c + d, col1 = a + c, n = a + b + c + d;
        if (n == 0)
        {
            return 1.0;
        }

        int lo = Math.Max(0, col1 - row2), hi = Math.Min(row1, col1);
        double observed = LogProbability(a, row1, row2, col1, n);
        double p = 0;
        for (int x = lo; x <= hi; x++)
        {
            double lp = LogProbability(x, row1, row2, col1, n);
            if (lp <= observed + 1e-7)
            {
                p += Math.Exp(lp);
            }
        }

        return Math.Min(1.0, p);
    }

    private static double LogProbability(int x, int row1, int row2, int col1, int n) =>
        LogChoose(row1, x) + LogChoose(row2, col1 - x) - LogChoose(n, col1);

    private static double LogChoose(int n, int k) => LogFactorial(n) - LogFactorial(k) - LogFactorial(n - k);

    private static double LogFactorial(int n) => MathNet.Numerics.SpecialFunctions.FactorialLn(n);
}
