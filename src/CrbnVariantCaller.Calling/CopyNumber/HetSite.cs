namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>A heterozygous germline SNP with the sample's read counts of its two alleles (B = the non-reference allele).</summary>
/// <param name="Contig">The contig, as the BAM names it.</param>
/// <param name="Position">1-based position.</param>
/// <param name="RefCount">Reads with the reference allele.</param>
/// <param name="AltCount">Reads with the other allele.</param>
public sealed record HetSite(string Contig, int Position, int RefCount, int AltCount)
{
    /// <summary>Reads with either allele.</summary>
    public int Depth => RefCount + AltCount;

    /// <summary>The B-allele frequency, AltCount / Depth.</summary>
    public double Baf => Depth > 0 ? (double)AltCount / Depth : double.NaN;
}
