namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>One sample's mean read depth on each target of a copy-number analysis.</summary>
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

    /// <summary>The targets measured.</summary>
    public IReadOnlyList<CopyNumberTarget> Targets { get; }

    /// <summary>Mean depth per target (summed per-base depth / target length, <c>samtools bedcov -j</c> semantics).</summary>
    public double[] MeanDepth { get; }
}
