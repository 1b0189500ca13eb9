using CrbnVariantCaller.Core.Transcripts;

namespace CrbnVariantCaller.Calling.Splicing;

/// <summary>
/// CRBN exon-10 skipping (the Δexon10 isoform) from junction reads, with rMATS junction-count (JC) semantics.
/// </summary>
/// <param name="Status">The call.</param>
/// <param name="PsiSkipped">
/// Fraction of CRBN transcripts lacking exon 10: SJC / (SJC + IJC / 2); null when no junction read was seen.
/// </param>
/// <param name="CiLow">Lower bound of the Wilson interval on the effective counts; null with <see cref="PsiSkipped"/>.</param>
/// <param name="CiHigh">Upper bound of the Wilson interval; null with <see cref="PsiSkipped"/>.</param>
/// <param name="ConfidenceLevel">The interval's two-sided level, e.g. 0.95.</param>
/// <param name="SkipReads">SJC: reads on the exon 9 → exon 11 skip junction.</param>
/// <param name="InclusionReads">IJC: reads on the two inclusion junctions (intron 9 plus intron 10).</param>
/// <param name="Intron9Reads">Reads on the exon 9 → exon 10 junction (intron 9).</param>
/// <param name="Intron10Reads">Reads on the exon 10 → exon 11 junction (intron 10).</param>
/// <param name="SkipJunction">The skip junction, first and last intronic base.</param>
/// <param name="Intron9">Intron 9, first and last intronic base.</param>
/// <param name="Intron10">Intron 10, first and last intronic base.</param>
/// <param name="Reasoning">Why the status was chosen, with the numbers and thresholds.</param>
public sealed record Exon10Skipping(
    SkippingStatus Status,
    double? PsiSkipped,
    double? CiLow,
    double? CiHigh,
    double ConfidenceLevel,
    int SkipReads,
    int InclusionReads,
    int Intron9Reads,
    int Intron10Reads,
    Intron SkipJunction,
    Intron Intron9,
    Intron Intron10,
    string Reasoning)
{
    /// <summary>
    /// How the junction counts are normalised, for the report: the included isoform has two junctions that can
    /// carry a read, the skipped isoform one, so inclusion reads are divided by 2 (rMATS divides junction counts
    /// by effective lengths, which for JC are proportional to the number of junctions, 2 against 1).
    /// </summary>
    public const string Normalisation =
        "psi_skipped = SJC / (SJC + IJC/2): SJC = reads on the exon 9->11 skip junction, IJC = reads on the intron 9 and intron 10 " +
        "inclusion junctions; IJC is halved because the exon-10-included isoform has two junctions that can carry a read and the " +
        "skipped isoform one (rMATS JC effective-length normalisation with equal per-junction lengths). The 95% interval is a " +
        "Wilson score interval on the effective counts SJC out of SJC + IJC/2.";

    /// <summary>
    /// The protein change of the Δexon10 isoform as HGVS p., computed from the reference sequence (exon 10's coding bases
    /// removed, the joint codon translated); null when no reference sequence was at hand.
    /// </summary>
    public string? ProteinChange { get; init; }

    /// <summary>The effective number of isoform observations: SJC + IJC / 2.</summary>
    public double EffectiveReads => SkipReads + (InclusionReads / 2.0);
}
