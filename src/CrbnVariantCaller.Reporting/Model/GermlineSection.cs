namespace CrbnVariantCaller.Reporting.Model;

/// <summary>Germline SNP typing (<c>germline</c>).</summary>
public sealed record GermlineSection
{
    /// <summary>The typed SNPs, in table order.</summary>
    public IReadOnlyList<GermlineSnp> Snps { get; init; } = [];
}
