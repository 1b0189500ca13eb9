using CrbnVariantCaller.Calling.Snv;
using MathNet.Numerics.Distributions;
using Xunit;

namespace CrbnVariantCaller.Calling.Tests.Snv;

public sealed class SnvStatisticsTests
{
    [Theory]
    [InlineData(new[] { 40, 25 }, new[] { 0.01, 0.002 }, 3)]
    [InlineData(new[] { 300, 1700 }, new[] { 0.0011, 0.00047 }, 9)]
    [InlineData(new[] { 5, 0, 7 }, new[] { 0.2, 0.5, 0.05 }, 4)]
    [InlineData(new[] { 60 }, new[] { 0.001 }, 4)]
    public void Band_tail_equals_a_brute_force_convolution(int[] n, double[] p, int k)
    {
        // Exact distribution of the sum by convolving the binomial pmfs.
        double[] dist = [1.0];
        for (int b = 0; b < n.Length; b++)
        {
            double[] next = new double[dist.Length + n[b]];
            for (int i = 0; i < dist.Length; i++)
            {
                for (int j = 0; j <= n[b]; j++)
                {
                    next[i + j] += dist[i] * Binomial.PMF(p[b], n[b], j);
                }
            }

            dist = next;
        }

        double expected = dist.Skip(k).Sum();
        double actual = PoissonBinomial.UpperTail(n, p, k);
        Assert.Equal(expected, actual, expected * 1e-9 + 1e-300);
    }

    [Fact]
    public void Binomial_tail_is_accurate_far_out()
    {
        // P(X >= 40) for X ~ Bin(2000, 0.001): far below double cancellation, must stay positive and tiny.
        double tail = PoissonBinomial.BinomialUpperTail(2000, 0.001, 40);
        double direct = Enumerable.Range(40, 200).Sum(j => Math.Exp(Binomial.PMFLn(0.001, 2000, j)));
        Assert.InRange(tail, 1e-38, 1e-36);
        Assert.Equal(direct, tail, direct * 1e-9);
        Assert.Equal(1.0, PoissonBinomial.BinomialUpperTail(10, 0.3, 0));
        Assert.Equal(0.0, PoissonBinomial.BinomialUpperTail(10, 0.3, 11));
    }

    [Fact]
    public void Minimum_fraction_has_the_requested_power()
    {
        double f = PoissonBinomial.MinimumFraction(2000, 12, 0.95);
        Assert.InRange(PoissonBinomial.BinomialUpperTail(2000, f, 12), 0.95, 0.9501);
        Assert.True(PoissonBinomial.BinomialUpperTail(2000, f * 0.99, 12) < 0.95);
        Assert.Equal(1.0, PoissonBinomial.MinimumFraction(0, 3, 0.95));
    }

    [Fact]
    public void Strand_bias_stays_calibrated_at_depth_and_ignores_one_strand_regions()
    {
        // 2000x, alt 55 % forward vs ref 50 %: a raw test is significant, the effect is trivial: keep.
        Assert.False(StrandBias.Rejects(new StrandCounts(950, 950), new StrandCounts(550, 450), 0.4, 1e-3));

        // Amplicon-like region, every read forward: alt also all forward: keep.
        Assert.False(StrandBias.Rejects(new StrandCounts(1900, 0), new StrandCounts(100, 0), 0.4, 1e-3));

        // Alt reads all on one strand while the reference is balanced: reject.
        Assert.True(StrandBias.Rejects(new StrandCounts(950, 950), new StrandCounts(40, 0), 0.4, 1e-3));

        // Four alt reads all forward: large effect but not significant: keep.
        Assert.False(StrandBias.Rejects(new StrandCounts(30, 30), new StrandCounts(4, 0), 0.4, 1e-3));
    }
}
