using CrbnVariantCaller.Core.Transcripts;

namespace CrbnVariantCaller.Calling.Snv;

/// <summary>Settings of <see cref="SnvCaller"/>. The defaults are those of <c>crbn call</c>; see Snv/README.md for why.</summary>
public sealed record SnvCallerOptions
{
    /// <summary>Reads with MAPQ below this are ignored.</summary>
    public int MinMappingQuality { get; init; } = 20;

    /// <summary>Bases with a quality below this are ignored (the lowest quality band).</summary>
    public int MinBaseQuality { get; init; } = 20;

    /// <summary>
    /// Lower bounds of the further quality bands above <see cref="MinBaseQuality"/>; each band gets its own error rate,
    /// the larger of its nominal Phred rate and the rate measured in the sample.
    /// </summary>
    public IReadOnlyList<int> ExtraQualityBands { get; init; } = [30];

    /// <summary>Skip reads flagged as duplicates (0x400). Secondary, QC-fail and unmapped reads are always skipped.</summary>
    public bool SkipDuplicates { get; init; } = true;

    /// <summary>Bases tested on each side of every coding exon: 8 covers the Sequence Ontology splice region (intronic 3–8) and the essential ±1–2.</summary>
    public int SpliceFlank { get; init; } = 8;

    /// <summary>Family-wise significance level; each test uses <c>Alpha / number of tests</c> (Bonferroni).</summary>
    public double Alpha { get; init; } = 0.01;

    /// <summary>Alleles with fewer alt reads are never called.</summary>
    public int MinAltReads { get; init; } = 3;

    /// <summary>Alt allele fraction above which a site is left out of the sample's error-rate estimate.</summary>
    public double MaxBackgroundVaf { get; init; } = 0.02;

    /// <summary>The allele fraction every coding position should be able to detect; positions that cannot go to NotAssessable.</summary>
    public double AssessableVaf { get; init; } = 0.05;

    /// <summary>Probability of detection used for the limit of detection (power).</summary>
    public double DetectionPower { get; init; } = 0.95;

    /// <summary>Strand bias: the minimum |alt forward fraction − reference forward fraction| that can reject.</summary>
    public double StrandBiasMinDifference { get; init; } = 0.4;

    /// <summary>Strand bias: the binomial two-sided p-value below which a large difference rejects.</summary>
    public double StrandBiasAlpha { get; init; } = 1e-3;

    /// <summary>Normal filter: alt reads in the normal at or above this count (and the fraction below) reject.</summary>
    public int NormalMinAltReads { get; init; } = 2;

    /// <summary>Normal filter: alt fraction in the normal at or above this rejects (with the read count).</summary>
    public double NormalMinVaf { get; init; } = 0.01;

    /// <summary>Normal filter: the normal's alt count must also be unlikely under its error model at this level.</summary>
    public double NormalAlpha { get; init; } = 0.01;

    /// <summary>Read-position filter: the median distance of alt bases from the nearer aligned read end must reach this.</summary>
    public int MinMedianReadPosition { get; init; } = 5;

    /// <summary>Soft-clip filter: a clip within this many reference bases of the site counts.</summary>
    public int SoftClipWindow { get; init; } = 10;

    /// <summary>Soft-clip filter: reject when at least this fraction of alt reads is clipped near the site…</summary>
    public double SoftClipMaxAltFraction { get; init; } = 0.5;

    /// <summary>…and that fraction exceeds the reference reads' fraction by at least this much.</summary>
    public double SoftClipMinExcess { get; init; } = 0.3;

    /// <summary>Indel error model: Phred quality of a 1-bp indel error outside repeats.</summary>
    public double IndelBasePhred { get; init; } = 40;

    /// <summary>Indel error model: Phred lost per extra copy of the repeat unit (homopolymer or tandem repeat) at the site.</summary>
    public double IndelPhredPerRepeat { get; init; } = 5;

    /// <summary>Indel error model: the floor of the indel Phred quality in long repeats.</summary>
    public double IndelMinPhred { get; init; } = 10;

    /// <summary>Alt counts above this are tested at this count (the p-value is then an upper bound; keeps the exact test bounded).</summary>
    public int MaxTestedAltReads { get; init; } = 400;

    /// <summary>
    /// Codons (NP numbering) whose alleles are always reported: by default every key residue of
    /// <see cref="KnownCodons"/> (drug contacts H378, W380, W386, the tri-Trp pocket W380/W386/W400, the zinc ligands,
    /// Y384, S339, G383, R419, …), seeded from CRBN.md.
    /// </summary>
    public IReadOnlyList<int> KnownResidueCodons { get; init; } = KnownCodons.All.Select(r => r.Codon).ToArray();
}
