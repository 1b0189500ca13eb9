namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>One sample's mean read depth on each bin of a copy-number analysis.</summary>
public sealed class TargetDepths
{
    /// <summary>Creates the profile; <paramref name="meanDepth"/> lines up with <paramref name="targets"/>.</summary>
    public TargetDepths(string sample, IReadOnlyList<CopyNumberTarget> targets, double[] meanDepth)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(meanDepth);
        if (targets.Count != meanDepth.Length)
        {
            throw new ArgumentException($"{meanDepth.Length} depths for {targets.Count} targets", nameof(meanDepth));
        }

        Sample = sample;
        Targets = targets;
        MeanDepth = meanDepth;
    }

    /// <summary>The sample's name.</summary>
    public string Sample { get; }

    /// <summary>The bins measured.</summary>
    public IReadOnlyList<CopyNumberTarget> Targets { get; }

    /// <summary>
    /// Mean depth per bin: for targets, summed per-base depth / length (<c>samtools bedcov -j</c> semantics); for
    /// off-target and genome bins, aligned bases of the reads that start in the bin / the bin's length.
    /// </summary>
    public double[] MeanDepth { get; }

    /// <summary>Median aligned read length of the reads counted (0 when unknown).</summary>
    public double ReadLength { get; init; }
}
