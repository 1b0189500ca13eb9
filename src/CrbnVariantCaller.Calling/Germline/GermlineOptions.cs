namespace CrbnVariantCaller.Calling.Germline;

/// <summary>Settings of <see cref="GermlineTyper"/>.</summary>
public sealed record GermlineOptions
{
    /// <summary>The defaults: depth ≥ 10, base quality ≥ 13, MAPQ ≥ 20, 1% per-base error.</summary>
    public static GermlineOptions Default { get; } = new();

    /// <summary>Sites with fewer counted bases than this get genotype <c>./.</c>. Default 10.</summary>
    public int MinDepth { get; init; } = 10;

    /// <summary>Bases below this quality are not counted (samtools <c>-Q</c>). Default 13.</summary>
    public int MinBaseQuality { get; init; } = 13;

    /// <summary>Reads below this MAPQ are not counted. Default 20.</summary>
    public int MinMappingQuality { get; init; } = 20;

    /// <summary>Probability that a read shows a given wrong base is this / 3 (sequencing plus mapping error). Default 0.01.</summary>
    public double ErrorRate { get; init; } = 0.01;

    /// <summary>Genotype qualities are capped here (VCF GQ convention). Default 99.</summary>
    public int MaxGenotypeQuality { get; init; } = 99;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MinDepth);
        ArgumentOutOfRangeException.ThrowIfNegative(MinBaseQuality);
        ArgumentOutOfRangeException.ThrowIfNegative(MinMappingQuality);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ErrorRate, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ErrorRate, 0.75);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxGenotypeQuality);
    }
}
