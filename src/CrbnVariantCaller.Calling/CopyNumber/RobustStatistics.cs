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
}
