namespace CrbnVariantCaller.Calling.Snv;

/// <summary>Everything the SNV/indel caller found and could not see in one sample.</summary>
public sealed record SnvCallSet
{
    /// <summary>Called variants (PASS and filtered), in genomic order.</summary>
    public required IReadOnlyList<SnvVariant> Variants { get; init; }

    /// <summary>Forced genotypes of the configured key residues.</summary>
    public required IReadOnlyList<KnownResidueGenotype> KnownResidueGenotypes { get; init; }

    /// <summary>Limit of detection at every tested coding position, in genomic order.</summary>
    public required IReadOnlyList<DetectionLimit> DetectionLimits { get; init; }

    /// <summary>Runs of coding positions too shallow for <see cref="SnvCallerOptions.AssessableVaf"/>, with the reason.</summary>
    public required IReadOnlyList<NotAssessableRegion> NotAssessable { get; init; }

    /// <summary>Coverage and duplicate QC.</summary>
    public required SnvQc Qc { get; init; }

    /// <summary>Calibrated per-read error rate (one specific wrong base) of each quality band, lowest band first.</summary>
    public required IReadOnlyList<double> BandErrorRates { get; init; }

    /// <summary>Number of tests the Bonferroni correction divided by.</summary>
    public required int Tests { get; init; }

    /// <summary>The per-test significance threshold.</summary>
    public required double Threshold { get; init; }
}
