using CrbnVariantCaller.Core.Transcripts;

namespace CrbnVariantCaller.Calling.Germline;

/// <summary>
/// A genotype in the study's allele naming rather than the reference genome's REF/ALT. At ABCB1 rs1045642 the GRCh38
/// reference is the c.3435T allele, which the pharmacogenetic literature calls the variant (c.3435C&gt;T): a VCF
/// <c>0/0</c> there is <c>T/T</c>, not "no variant carried".
/// </summary>
public static class StudyAlleles
{
    /// <summary>
    /// The genotype as <c>{gene} {notation} {a}/{b}</c> (for example <c>ABCB1 c.3435C&gt;T C/T</c>), the study's common
    /// allele first; null when the site has no study notation or the genotype is not called.
    /// </summary>
    public static string? Describe(GermlineSite site, string vcfGenotype)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(vcfGenotype);
        if (site.StudyNotation is not string notation || notation.LastIndexOf('>') is var gt && gt < 1)
        {
            return null;
        }

        string order = notation[gt - 1] + notation[(gt + 1)..].Replace("/", string.Empty, StringComparison.Ordinal);
        var letters = new List<char>();
        foreach (string index in vcfGenotype.Split('/', '|'))
        {
            if (!int.TryParse(index, out int i) || i < 0 || i >= site.Alleles.Count)
            {
                return null;
            }

            char forward = site.Alleles[i];
            letters.Add(site.NotationOnMinusStrand ? (char)GeneticCode.Complement((byte)forward) : forward);
        }

        int Rank(char c) => order.IndexOf(c, StringComparison.Ordinal) is int r && r >= 0 ? r : order.Length;
        return $"{site.Gene} {notation} {string.Join('/', letters.OrderBy(Rank))}".TrimStart();
    }
}
