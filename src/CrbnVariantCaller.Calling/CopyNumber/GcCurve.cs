namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>
/// A GC-content bias curve fitted on the reference bins: with many bins (≥ 1,000), the median log2 depth in GC strata
/// linearly interpolated between strata (a robust stand-in for CNVkit's rolling median); with fewer, a trimmed
/// least-squares quadratic in GC (three parameters, so a small panel's curve does not follow its noise).
/// </summary>
public sealed class GcCurve
{
    private readonly double[] _gc;
    private readonly double[] _log2;

    private readonly double[]? _quadratic;

    private GcCurve(double[] gc, double[] log2, double[]? quadratic = null)
    {
        _gc = gc;
        _log2 = log2;
        _quadratic = quadratic;
    }

    /// <summary>A flat curve (no correction).</summary>
    public static GcCurve Flat { get; } = new([0.5], [0]);

    /// <summary>Fits the curve on (GC, log2) pairs; fewer than <paramref name="minBins"/> pairs give a flat curve.</summary>
    public static GcCurve Fit(IReadOnlyList<double> gc, IReadOnlyList<double> log2, int minBins = 20)
    {
        ArgumentNullException.ThrowIfNull(gc);
        ArgumentNullException.ThrowIfNull(log2);
        int[] order = Enumerable.Range(0, gc.Count).Where(i => double.IsFinite(gc[i]) && double.IsFinite(log2[i])).OrderBy(i => gc[i]).ToArray();
        if (order.Length < minBins)
        {
            return Flat;
        }

        if (order.Length < 1_000)
        {
            return Quadratic(order.Select(i => gc[i]).ToArray(), order.Select(i => log2[i]).ToArray());
        }

        int strata = Math.Clamp(order.Length / 20, 2, 50);
        var xs = new List<double>();
        var ys = new List<double>();
        for (int s = 0; s < strata; s++)
        {
            int from = s * order.Length / strata;
            int to = (s + 1) * order.Length / strata;
            if (to <= from)
            {
                continue;
            }

            xs.Add(RobustStatistics.Median(order[from..to].Select(i => gc[i])));
            ys.Add(RobustStatistics.Median(order[from..to].Select(i => log2[i])));
        }

        return new GcCurve([.. xs], [.. ys]);
    }

    /// <summary>The expected log2 at GC fraction <paramref name="gc"/> (flat beyond the outermost strata; 0 for an unknown GC).</summary>
    public double At(double gc)
    {
        if (!double.IsFinite(gc))
        {
            return 0;
        }

        if (_quadratic is { } q)
        {
            double x = Math.Clamp(gc, _gc[0], _gc[^1]);
            return q[0] + (q[1] * x) + (q[2] * x * x);
        }

        if (gc <= _gc[0])
        {
            return _log2[0];
        }

        for (int i = 1; i < _gc.Length; i++)
        {
            if (gc <= _gc[i])
            {
                double t = _gc[i] > _gc[i - 1] ? (gc - _gc[i - 1]) / (_gc[i] - _gc[i - 1]) : 0;
                return _log2[i - 1] + (t * (_log2[i] - _log2[i - 1]));
            }
        }

        return _log2[^1];
    }

    private static GcCurve Quadratic(double[] x, double[] y)
    {
        bool[] keep = Enumerable.Repeat(true, x.Length).ToArray();
        double[] coefficients = [0, 0, 0];
        for (int round = 0; round < 3; round++)
        {
            int[] idx = Enumerable.Range(0, x.Length).Where(i => keep[i]).ToArray();
            if (idx.Length < 10)
            {
                break;
            }

            coefficients = MathNet.Numerics.Fit.Polynomial(idx.Select(i => x[i]).ToArray(), idx.Select(i => y[i]).ToArray(), 2);
            double[] residual = Enumerable.Range(0, x.Length).Select(i => y[i] - (coefficients[0] + (coefficients[1] * x[i]) + (coefficients[2] * x[i] * x[i]))).ToArray();
            double sigma = RobustStatistics.MadSigma(residual);
            for (int i = 0; i < x.Length; i++)
            {
                keep[i] = sigma <= 0 || Math.Abs(residual[i]) <= 3 * sigma;
            }
        }

        return new GcCurve([x.Min(), x.Max()], [0, 0], coefficients);
    }
}
