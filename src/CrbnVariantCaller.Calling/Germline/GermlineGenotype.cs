namespace CrbnVariantCaller.Calling.Germline;

/// <summary>The typed genotype at one site.</summary>
/// <param name="Site">The site.</param>
/// <param name="Genotype">VCF-style unphased genotype: <c>0/0</c>, <c>0/1</c>, <c>1/1</c>, <c>1/2</c>, ...; <c>./.</c> below the minimum depth or when the site's contig is absent.</param>
/// <param name="Depth">Bases counted at the site (all four bases, after quality filters).</param>
/// <param name="AlleleCounts">Reads per allele, reference first then alternates (VCF <c>AD</c>).</param>
/// <param name="OtherBases">Bases that are neither the reference nor a listed alternate.</param>
/// <param name="GenotypeQuality">Phred-scaled probability that the genotype is wrong (flat prior), capped; 0 for <c>./.</c>.</param>
/// <param name="PhredLikelihoods">Normalised Phred genotype likelihoods in VCF <c>PL</c> order; empty for <c>./.</c>.</param>
/// <param name="Reason">Why the genotype is missing, when it is.</param>
public sealed record GermlineGenotype(
    GermlineSite Site,
    string Genotype,
    int Depth,
    IReadOnlyList<int> AlleleCounts,
    int OtherBases,
    int GenotypeQuality,
    IReadOnlyList<int> PhredLikelihoods,
    string? Reason)
{
    /// <summary>Reference allele reads.</summary>
    public int ReferenceReads => AlleleCounts[0];

    /// <summary>Reads of all alternate alleles together.</summary>
    public int AlternateReads => AlleleCounts.Skip(1).Sum();

    /// <summary>True when a genotype was called.</summary>
    public bool IsCalled => Genotype != "./.";
}
