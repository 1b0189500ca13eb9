namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>
/// The reference of the copy-number call: per target, the median over the normals of log2(target depth / mean depth of
/// the control targets), its spread (1.4826 × MAD) and the median raw depth.
/// </summary>
public sealed class PanelOfNormals
{
    /// <summary>Creates a panel from stored values (a PON file); the arrays line up with <paramref name="targets"/>.</summary>
    public PanelOfNormals(IReadOnlyList<string> normals, IReadOnlyList<CopyNumberTarget> targets, double[] log2, double[] spread, double[] depth)
    {
        ArgumentNullException.ThrowIfNull(normals);
        ArgumentNullException.ThrowIfNull(targets);
        if (log2.Length != targets.Count || spread.Length != targets.Count || depth.Length != targets.Count)
        {
            throw new ArgumentException("one log2, spread and depth per target");
        }

        Normals = normals;
        Targets = targets;
        Log2 = log2;
        Spread = spread;
        Depth = depth;
    }

    /// <summary>The normals' names.</summary>
    public IReadOnlyList<string> Normals { get; }

    /// <summary>The targets.</summary>
    public IReadOnlyList<CopyNumberTarget> Targets { get; }

    /// <summary>Median normalised log2 depth per target.</summary>
    public double[] Log2 { get; }

    /// <summary>Spread of the normalised log2 depth per target.</summary>
    public double[] Spread { get; }

    /// <summary>Median mean depth per target.</summary>
    public double[] Depth { get; }

    /// <summary>Whether target <paramref name="index"/> has enough depth in the normals to be used.</summary>
    public bool IsUsable(int index, CopyNumberOptions options) => Depth[index] >= options.MinTargetDepth;

    /// <summary>
    /// Builds the panel from the normals' depths (all measured on the same targets). Targets whose median depth is below
    /// <see cref="CopyNumberOptions.MinTargetDepth"/> are kept but marked unusable by their depth, and do not take part in
    /// the normalisation.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two normals, or normals measured on different targets.</exception>
    public static PanelOfNormals Build(IReadOnlyList<TargetDepths> normals, CopyNumberOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(normals);
        options ??= CopyNumberOptions.Default;
        if (normals.Count < 2)
        {
            throw new ArgumentException($"a panel of normals needs at least 2 normals; {normals.Count} given", nameof(normals));
        }

        IReadOnlyList<CopyNumberTarget> targets = normals[0].Targets;
        if (normals.Any(n => n.Targets.Count != targets.Count || !n.Targets.SequenceEqual(targets)))
        {
            throw new ArgumentException("every normal must be measured on the same targets", nameof(normals));
        }

        int count = targets.Count;
        double[] depth = new double[count];
        for (int t = 0; t < count; t++)
        {
            depth[t] = RobustStatistics.Median(normals.Select(n => n.MeanDepth[t]));
        }

        bool[] usable = depth.Select(d => d >= options.MinTargetDepth).ToArray();
        double[][] perNormal = normals.Select(n => Normalised(n.MeanDepth, targets, usable, options)).ToArray();
        double[] log2 = new double[count];
        double[] spread = new double[count];
        for (int t = 0; t < count; t++)
        {
            double[] values = perNormal.Select(v => v[t]).ToArray();
            log2[t] = RobustStatistics.Median(values);
            spread[t] = RobustStatistics.MadSigma(values);
        }

        return new PanelOfNormals(normals.Select(n => n.Sample).ToArray(), targets, log2, spread, depth);
    }

    /// <summary>
    /// log2(depth / mean depth over the usable control targets) per target, floored at
    /// <see cref="CopyNumberOptions.MinLog2"/>; all <see cref="CopyNumberOptions.MinLog2"/> when no control has reads.
    /// </summary>
    internal static double[] Normalised(double[] meanDepth, IReadOnlyList<CopyNumberTarget> targets, IReadOnlyList<bool> usable, CopyNumberOptions options)
    {
        double control = ControlDepth(meanDepth, targets, usable);
        var result = new double[meanDepth.Length];
        for (int t = 0; t < meanDepth.Length; t++)
        {
            result[t] = control > 0 && meanDepth[t] > 0 ? Math.Max(options.MinLog2, Math.Log2(meanDepth[t] / control)) : options.MinLog2;
        }

        return result;
    }

    /// <summary>Length-weighted mean depth over the usable control targets (0 when there are none).</summary>
    internal static double ControlDepth(double[] meanDepth, IReadOnlyList<CopyNumberTarget> targets, IReadOnlyList<bool> usable)
    {
        double bases = 0;
        double sum = 0;
        for (int t = 0; t < targets.Count; t++)
        {
            if (targets[t].IsControl && usable[t])
            {
                sum += meanDepth[t] * targets[t].Interval.Length;
                bases += targets[t].Interval.Length;
            }
        }

        return bases > 0 ? sum / bases : 0;
    }
}
