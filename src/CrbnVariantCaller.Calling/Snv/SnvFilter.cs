namespace CrbnVariantCaller.Calling.Snv;

/// <summary>
/// A named site filter of the SNV/indel caller, with the description a VCF header prints
/// (<c>##FILTER=&lt;ID=…,Description="…"&gt;</c>). A variant with no filter is PASS.
/// </summary>
/// <param name="Id">The VCF FILTER id.</param>
/// <param name="Description">What the filter means, for the VCF header and the report.</param>
public sealed record SnvFilter(string Id, string Description)
{
    /// <summary>Alt reads are on one strand much more than reference reads (effect size and significance both required).</summary>
    public static SnvFilter StrandBias { get; } = new(
        "strand_bias",
        "Alt-allele forward-strand fraction differs from the reference-allele forward-strand fraction by more than the allowed difference, and significantly (binomial test)");

    /// <summary>The allele is seen in the matched normal.</summary>
    public static SnvFilter NormalEvidence { get; } = new(
        "normal_evidence",
        "Alt allele seen in the matched normal above the allowed read count and allele fraction, and above the normal's error model");

    /// <summary>Alt bases sit near the ends of their reads.</summary>
    public static SnvFilter ReadPosition { get; } = new(
        "read_position",
        "Median distance of the alt allele from the nearer end of the aligned part of its reads is below the minimum");

    /// <summary>Alt reads are soft-clipped close to the site.</summary>
    public static SnvFilter SoftClip { get; } = new(
        "soft_clip",
        "Most alt reads carry a soft clip close to the site, much more often than reference reads (misalignment artefact)");

    /// <summary>Too few alt reads on the whole.</summary>
    public static SnvFilter LowAltReads { get; } = new(
        "low_alt_reads",
        "Fewer alt reads than the minimum, although significant under the error model");

    /// <summary>Every site filter, in the order the VCF header lists them.</summary>
    public static IReadOnlyList<SnvFilter> All { get; } = [StrandBias, NormalEvidence, ReadPosition, SoftClip, LowAltReads];

    /// <inheritdoc />
    public override string ToString() => Id;
}
