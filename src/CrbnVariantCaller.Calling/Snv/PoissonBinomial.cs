using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace CrbnVariantCaller.Calling.Snv;

/// <summary>
/// Upper tails of sums of independent binomials: the number of error reads among reads grouped into quality bands,
/// each band with its own per-read error rate. This is LoFreq's Poisson-binomial with one rate per band instead of
/// one per read, which makes the exact tail cheap: <c>P(S ≥ k) = P(S' ≥ k) + Σ_{j&lt;k} P(S' = j)·P(X_b ≥ k − j)</c>.
/// </summary>
public static class PoissonBinomial
{
    /// <summary><c>P(X ≥ k)</c> for <c>X ~ Binomial(n, p)</c>, accurate far into the tail (regularised incomplete beta).</summary>
    public static double BinomialUpperTail(int n, double p, int k)
    {
        if (k <= 0)
        {
            return 1;
        }

        if (k > n || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return 1;
        }

        return Math.Clamp(SpecialFunctions.BetaRegularized(k, n - k + 1, p), 0, 1);
    }

    /// <summary><c>P(S ≥ k)</c> where <c>S = Σ_b Binomial(n[b], p[b])</c>.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static double UpperTail(ReadOnlySpan<int> n, ReadOnlySpan<double> p, int k)
    {
        if (n.Length != p.Length)
        {
            throw new ArgumentException("One error rate per band is needed.", nameof(p));
        }

        if (k <= 0)
        {
            return 1;
        }

        int first = -1;
        for (int b = 0; b < n.Length; b++)
        {
            if (n[b] > 0)
            {
                first = b;
                break;
            }
        }

        if (first < 0)
        {
            return 0;
        }

        double tail = BinomialUpperTail(n[first], p[first], k);
        double[] head = new double[k]; // P(S' = j), j < k
        for (int j = 0; j < k; j++)
        {
            head[j] = j <= n[first] ? Binomial.PMF(p[first], n[first], j) : 0;
        }

        double[] next = new double[k];
        for (int b = first + 1; b < n.Length; b++)
        {
            if (n[b] == 0)
            {
                continue;
            }

            for (int j = 0; j < k; j++)
            {
                if (head[j] > 0)
                {
                    tail += head[j] * BinomialUpperTail(n[b], p[b], k - j);
                }
            }

            Array.Clear(next);
            for (int m = 0; m < k && m <= n[b]; m++)
            {
                double pm = Binomial.PMF(p[b], n[b], m);
                if (pm == 0)
                {
                    continue;
                }

                for (int j = 0; j + m < k; j++)
                {
                    next[j + m] += head[j] * pm;
                }
            }

            (head, next) = (next, head);
        }

        return Math.Clamp(tail, 0, 1);
    }

    /// <summary>
    /// The smallest allele fraction <c>f</c> with <c>P(Binomial(depth, f) ≥ k) ≥ power</c>: the VAF detected with that
    /// power when <paramref name="k"/> alt reads are needed. 1 when even f = 1 does not reach it.
    /// </summary>
    public static double MinimumFraction(int depth, int k, double power)
    {
        if (depth <= 0 || k > depth)
        {
            return 1;
        }

        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 50; i++)
        {
            double mid = (lo + hi) / 2;
            if (BinomialUpperTail(depth, mid, k) >= power)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return hi;
    }
}
