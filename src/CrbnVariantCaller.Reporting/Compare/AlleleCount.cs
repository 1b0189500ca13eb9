namespace CrbnVariantCaller.Reporting.Compare;

/// <summary>Alt and total reads of one allele, re-measured in a BAM.</summary>
/// <param name="AltReads">Reads with the alternate allele.</param>
/// <param name="Depth">Reads at the site (all alleles).</param>
public readonly record struct AlleleCount(int AltReads, int Depth);

/// <summary>A variant's identity across reports: contig, position, REF, ALT.</summary>
public readonly record struct VariantKey(string Chrom, int Pos, string Ref, string Alt)
{
    /// <inheritdoc />
    public override string ToString() => $"{Chrom}:{Pos} {Ref}>{Alt}";
}
