namespace CrbnVariantCaller.Reporting.Model;

/// <summary>B-allele frequency over the CRBN segment (<c>copy_number.crbn.baf</c>).</summary>
public sealed record CopyNumberAlleles
{
    /// <summary>Where the heterozygous SNPs were found: <c>matched normal</c> or <c>tumour</c>.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>Heterozygous SNPs inside the segment.</summary>
    public int HetSnps { get; init; }

    /// <summary>Fitted minor-allele fraction (0.5 = balanced); null without SNPs.</summary>
    public double? MinorAlleleFraction { get; init; }

    /// <summary>Likelihood-ratio statistic of imbalance against 0.5.</summary>
    public double? LikelihoodRatio { get; init; }

    /// <summary>Loss of heterozygosity over CRBN; null when too few SNPs inform it.</summary>
    public bool? Loh { get; init; }
}
