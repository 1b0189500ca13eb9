namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>
/// What a sample's (or a panel's) depth looks like, to tell whether a sample and a panel of normals share an assay:
/// the read length, the mean depth over target bins and over off-target/genome bins, and their ratio.
/// </summary>
/// <param name="ReadLength">Median aligned read length.</param>
/// <param name="TargetDepth">Median mean depth over the usable target bins (0 when there are none).</param>
/// <param name="BackgroundDepth">Median depth over the usable off-target or genome bins (0 when there are none).</param>
public sealed record AssayProfile(double ReadLength, double TargetDepth, double BackgroundDepth)
{
    /// <summary>Median residual noise (log2) of the panel's normals against the panel; 0 when unknown.</summary>
    public double Noise { get; init; }

    /// <summary>log2(target depth / background depth): about 0 for WGS, several units for a capture panel; null when either is 0.</summary>
    public double? EnrichmentLog2 => TargetDepth > 0 && BackgroundDepth > 0 ? Math.Log2(TargetDepth / BackgroundDepth) : null;
}
