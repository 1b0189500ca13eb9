namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>Median and MAD-based spread, the robust estimators CNVkit uses for reference bins.</summary>
internal static class RobustStatistics
{
    /// <summary>Scale that makes the median absolute deviation a consistent estimator of a normal SD.</summary>
    public const double MadToSigma = 1.4826;

    /// <summary>The median (mean of the two middle values for an even count); NaN when empty.</summary>
    public static double Median(IEnumerable<double> values) => MathNet.Numerics.Statistics.Statistics.Median(values);

    /// <summary>1.4826 × median absolute deviation from the median; 0 for fewer than two values.</summary>
    public static double MadSigma(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return 0;
        }

        double median = Median(values);
        return MadToSigma * Median(values.Select(v => Math.Abs(v - median)));
    }

    /// <summary>
    /// Weighted mean of the values within <paramref name="cut"/> robust standard deviations (1.4826 × MAD, scaled by
    /// √weight) of the median: as efficient as a mean on clean data, as robust as a median to a few outlying bins.
    /// </summary>
    public static double TrimmedWeightedMean(IReadOnlyList<double> values, IReadOnlyList<double> weights, double cut = 3)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        double median = Median(values);
        double[] scaled = values.Select((v, i) => (v - median) * Math.Sqrt(weights[i])).ToArray();
        double sigma = MadSigma(scaled);
        double sw = 0;
        double swx = 0;
        for (int i = 0; i < values.Count; i++)
        {
            if (sigma <= 0 || Math.Abs(scaled[i]) <= cut * sigma)
            {
                sw += weights[i];
                swx += weights[i] * values[i];
            }
        }

        return sw > 0 ? swx / sw : median;
    }

    /// <summary>
    /// Standard error of a weighted mean whose weights are relative inverse variances: the robust noise of one unit of
    /// weight (1.4826 × MAD of √w-scaled deviations from the median) over √Σw; 0 for fewer than two values.
    /// </summary>
    public static double WeightedMeanStandardError(IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        if (values.Count < 2)
        {
            return 0;
        }

        double median = Median(values);
        double sigma = MadSigma(values.Select((v, i) => (v - median) * Math.Sqrt(weights[i])).ToArray());
        return sigma / Math.Sqrt(weights.Sum());
    }
}
