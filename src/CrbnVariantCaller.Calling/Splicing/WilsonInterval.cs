using MathNet.Numerics.Distributions;

namespace CrbnVariantCaller.Calling.Splicing;

/// <summary>
/// The Wilson score interval for a binomial proportion, defined for non-integer (effective) counts as well, which
/// the rMATS-style normalisation produces (inclusion reads / 2).
/// </summary>
/// <param name="Low">Lower bound, in [0, 1].</param>
/// <param name="High">Upper bound, in [0, 1].</param>
public readonly record struct WilsonInterval(double Low, double High)
{
    /// <summary>
    /// The interval for <paramref name="successes"/> out of <paramref name="trials"/> at two-sided
    /// <paramref name="confidenceLevel"/>; [0, 1] when there are no trials.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative counts, successes above trials, or a level outside (0, 1).</exception>
    public static WilsonInterval Compute(double successes, double trials, double confidenceLevel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(confidenceLevel, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(confidenceLevel, 1.0);
        if (trials == 0)
        {
            return new WilsonInterval(0, 1);
        }

        double z = Normal.InvCDF(0, 1, 1 - ((1 - confidenceLevel) / 2));
        double p = successes / trials;
        double z2n = z * z / trials;
        double centre = (p + (z2n / 2)) / (1 + z2n);
        double half = z * Math.Sqrt((p * (1 - p) / trials) + (z2n / (4 * trials))) / (1 + z2n);

        // At p = 0 or 1 the matching bound is exactly 0 or 1; guard against rounding.
        double low = successes == 0 ? 0 : Math.Max(0, centre - half);
        double high = successes == trials ? 1 : Math.Min(1, centre + half);
        return new WilsonInterval(low, high);
    }
}
