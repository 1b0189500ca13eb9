namespace CrbnVariantCaller.Calling.Snv;

/// <summary>A force-genotyped residue: the allele counts of its three codon bases and any variant called there.</summary>
/// <param name="Label">The residue as the literature writes it (<c>W380</c>).</param>
/// <param name="Codon">Codon number (NP numbering).</param>
/// <param name="Bases">The codon's bases in transcript order (c. 3k−2, 3k−1, 3k).</param>
/// <param name="Variants">Variants (PASS or filtered) that touch the codon.</param>
public sealed record KnownResidueGenotype(string Label, int Codon, IReadOnlyList<AlleleCounts> Bases, IReadOnlyList<SnvVariant> Variants);
