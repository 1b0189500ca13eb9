namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>
/// The reference of the copy-number call, one row per bin: the median over the normals of the normalised,
/// GC-corrected log2 depth (<see cref="BinNormaliser"/>), its spread (1.4826 × MAD), the median raw depth and the
/// bin's GC fraction; plus the normals' assay profile and the normals left out as outliers.
/// </summary>
public sealed class PanelOfNormals
{
    /// <summary>Creates a panel from stored values (a PON file); the arrays line up with <paramref name="targets"/>.</summary>
    public PanelOfNormals(
        IReadOnlyList<string> normals,
        IReadOnlyList<CopyNumberTarget> targets,
        double[] log2,
        double[] spread,
        double[] depth,
        double[] gc,
        AssayProfile assay,
        IReadOnlyList<string>? outliers = null)
    {
        ArgumentNullException.ThrowIfNull(normals);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(assay);
        if (log2.Length != targets.Count || spread.Length != targets.Count || depth.Length != targets.Count || gc.Length != targets.Count)
        {
            throw new ArgumentException("one log2, spread, depth and GC per bin");
        }

        Normals = normals;
        Targets = targets;
        Log2 = log2;
        Spread = spread;
        Depth = depth;
        Gc = gc;
        Assay = assay;
        Outliers = outliers ?? [];
    }

    /// <summary>The normals whose medians make the panel.</summary>
    public IReadOnlyList<string> Normals { get; }

    /// <summary>Normals given but left out, each with why (for example <c>PON_N5: noise 0.31 vs panel median 0.08</c>).</summary>
    public IReadOnlyList<string> Outliers { get; }

    /// <summary>The bins.</summary>
    public IReadOnlyList<CopyNumberTarget> Targets { get; }

    /// <summary>Median normalised log2 depth per bin.</summary>
    public double[] Log2 { get; }

    /// <summary>Spread of the normalised log2 depth per bin.</summary>
    public double[] Spread { get; }

    /// <summary>Median mean depth per bin.</summary>
    public double[] Depth { get; }

    /// <summary>GC fraction of the reference over each bin (NaN when unknown).</summary>
    public double[] Gc { get; }

    /// <summary>The normals' assay profile (median over the normals).</summary>
    public AssayProfile Assay { get; }

    /// <summary>The contig CRBN lies on, as the bins name it (<c>chr3</c> or <c>3</c>).</summary>
    public string CrbnContig => Targets.FirstOrDefault(t => t.CrbnExon is not null)?.Interval.Contig ?? "chr3";

    /// <summary>
    /// Whether bin <paramref name="index"/> is usable: at least <see cref="CopyNumberOptions.MinBinReads"/> reads in
    /// the normals (median), a target with at least <see cref="CopyNumberOptions.MinTargetDepth"/>, and depth not below a
    /// tenth of its kind's median (which drops unmappable or half-N bins).
    /// </summary>
    public bool IsUsable(int index, CopyNumberOptions options) => UsableMask(options)[index];

    /// <summary>The usable flag of every bin (see <see cref="IsUsable"/>).</summary>
    public bool[] UsableMask(CopyNumberOptions options) => Usable(Targets, Depth, Assay.ReadLength, options);

    /// <summary>
    /// Builds the panel from the normals' depths (all measured on the same bins). A normal whose residual noise
    /// against the others (<see cref="LeaveOneOutNoise"/>) is more than <see cref="CopyNumberOptions.OutlierNoiseFactor"/> × the panel's median is left
    /// out (while at least two normals remain) and named in <see cref="Outliers"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two normals, or normals measured on different bins.</exception>
    public static PanelOfNormals Build(IReadOnlyList<TargetDepths> normals, double[] gc, CopyNumberOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(normals);
        ArgumentNullException.ThrowIfNull(gc);
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

        if (gc.Length != targets.Count)
        {
            throw new ArgumentException("one GC fraction per bin", nameof(gc));
        }

        PanelOfNormals panel = BuildFrom(normals, gc, options, []);
        double[] noise = LeaveOneOutNoise(normals, panel, options);
        double typical = RobustStatistics.Median(noise);
        var outliers = new List<string>();
        var kept = new List<TargetDepths>();
        for (int i = 0; i < normals.Count; i++)
        {
            if (noise[i] > options.OutlierNoiseFactor * typical && noise[i] > options.MinOutlierNoise)
            {
                outliers.Add($"{normals[i].Sample}: residual noise {noise[i]:0.###} vs the panel's median {typical:0.###}");
            }
            else
            {
                kept.Add(normals[i]);
            }
        }

        bool rebuilt = outliers.Count > 0 && kept.Count >= 2;
        PanelOfNormals final = rebuilt ? BuildFrom(kept, gc, options, outliers) : panel;
        double keptNoise = RobustStatistics.Median(rebuilt ? LeaveOneOutNoise(kept, final, options) : noise);
        return new PanelOfNormals(final.Normals, final.Targets, final.Log2, final.Spread, final.Depth, final.Gc, final.Assay with { Noise = keptNoise }, final.Outliers);
    }

    /// <summary>The assay profile of one sample on these bins.</summary>
    public static AssayProfile ProfileOf(TargetDepths sample, bool[] usable)
    {
        ArgumentNullException.ThrowIfNull(sample);
        double[] target = Enumerable.Range(0, sample.Targets.Count).Where(i => usable[i] && sample.Targets[i].Kind == BinKind.Target).Select(i => sample.MeanDepth[i]).ToArray();
        double[] background = Enumerable.Range(0, sample.Targets.Count).Where(i => usable[i] && sample.Targets[i].Kind != BinKind.Target).Select(i => sample.MeanDepth[i]).ToArray();
        return new AssayProfile(
            sample.ReadLength,
            target.Length > 0 ? RobustStatistics.Median(target) : 0,
            background.Length > 0 ? RobustStatistics.Median(background) : 0);
    }

    /// <summary>
    /// Each normal's residual noise (1.4826 × MAD over the usable reference bins) against the median of the
    /// <em>other</em> normals: what a new sample's noise against the panel is. Measured against a median that holds the
    /// normal itself, the noise would be biased low (with three normals a third of the bins are their own median, residual
    /// 0), and a sample of the same assay would look too noisy for its panel.
    /// </summary>
    public static double[] LeaveOneOutNoise(IReadOnlyList<TargetDepths> normals, PanelOfNormals panel, CopyNumberOptions options)
    {
        bool[] usable = panel.UsableMask(options);
        int[] reference = Enumerable.Range(0, panel.Targets.Count).Where(i => usable[i] && BinNormaliser.IsReference(panel.Targets[i], panel.CrbnContig)).ToArray();
        double[][] log2 = normals.Select(n => BinNormaliser.Normalise(n.MeanDepth, panel.Targets, panel.Gc, usable, panel.CrbnContig, options)).ToArray();
        return Enumerable.Range(0, normals.Count).Select(k =>
        {
            double[] residual = reference
                .Select(i => log2[k][i] - RobustStatistics.Median(Enumerable.Range(0, normals.Count).Where(j => j != k).Select(j => log2[j][i])))
                .ToArray();
            return residual.Length < 2 ? 0 : RobustStatistics.MadSigma(residual);
        }).ToArray();
    }

    private static PanelOfNormals BuildFrom(IReadOnlyList<TargetDepths> normals, double[] gc, CopyNumberOptions options, IReadOnlyList<string> outliers)
    {
        IReadOnlyList<CopyNumberTarget> targets = normals[0].Targets;
        int count = targets.Count;
        double readLength = RobustStatistics.Median(normals.Select(n => n.ReadLength));
        double[] depth = new double[count];
        for (int t = 0; t < count; t++)
        {
            depth[t] = RobustStatistics.Median(normals.Select(n => n.MeanDepth[t]));
        }

        bool[] usable = Usable(targets, depth, readLength, options);
        string crbnContig = targets.FirstOrDefault(t => t.CrbnExon is not null)?.Interval.Contig ?? "chr3";
        double[][] perNormal = normals.Select(n => BinNormaliser.Normalise(n.MeanDepth, targets, gc, usable, crbnContig, options)).ToArray();
        double[] log2 = new double[count];
        double[] spread = new double[count];
        for (int t = 0; t < count; t++)
        {
            double[] values = perNormal.Select(v => v[t]).ToArray();
            log2[t] = RobustStatistics.Median(values);
            spread[t] = RobustStatistics.MadSigma(values);
        }

        AssayProfile[] profiles = normals.Select(n => ProfileOf(n, usable)).ToArray();
        var assay = new AssayProfile(
            readLength,
            RobustStatistics.Median(profiles.Select(p => p.TargetDepth)),
            RobustStatistics.Median(profiles.Select(p => p.BackgroundDepth)));
        return new PanelOfNormals(normals.Select(n => n.Sample).ToArray(), targets, log2, spread, depth, gc, assay, outliers);
    }

    private static bool[] Usable(IReadOnlyList<CopyNumberTarget> targets, double[] depth, double readLength, CopyNumberOptions options)
    {
        double length = readLength > 0 ? readLength : options.ReadLength;
        var kindMedian = new Dictionary<BinKind, double>();
        foreach (BinKind kind in targets.Select(t => t.Kind).Distinct())
        {
            double[] covered = Enumerable.Range(0, targets.Count).Where(i => targets[i].Kind == kind && depth[i] > 0).Select(i => depth[i]).ToArray();
            kindMedian[kind] = covered.Length > 0 ? RobustStatistics.Median(covered) : 0;
        }

        return Enumerable.Range(0, targets.Count).Select(i =>
        {
            CopyNumberTarget t = targets[i];
            double reads = depth[i] * t.Interval.Length / length;
            return reads >= options.MinBinReads
                && depth[i] >= options.MinBackgroundFraction * kindMedian[t.Kind]
                && (t.Kind != BinKind.Target || depth[i] >= options.MinTargetDepth);
        }).ToArray();
    }
}
