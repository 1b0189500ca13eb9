namespace CrbnVariantCaller.Calling.Snv;

/// <summary>Coverage QC over the coding exons of the transcript (depth after the read and base filters).</summary>
/// <param name="CodingBases">Coding bases (CDS, stop codon included).</param>
/// <param name="MeanDepth">Mean depth over them.</param>
/// <param name="FractionAtLeast100">Fraction with depth ≥ 100.</param>
/// <param name="FractionAtLeast500">Fraction with depth ≥ 500.</param>
/// <param name="DuplicateRate">Primary mapped reads overlapping the transcript flagged 0x400, over all such reads.</param>
/// <param name="Reads">Primary mapped reads overlapping the transcript.</param>
public sealed record SnvQc(int CodingBases, double MeanDepth, double FractionAtLeast100, double FractionAtLeast500, double DuplicateRate, int Reads);
