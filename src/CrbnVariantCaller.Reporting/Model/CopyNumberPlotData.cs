namespace CrbnVariantCaller.Reporting.Model;

/// <summary>The points behind the report's copy-number plot (<c>copy_number.plot</c>): CRBN-contig bins and BAF.</summary>
public sealed record CopyNumberPlotData
{
    /// <summary>Contig plotted.</summary>
    public string Chrom { get; init; } = string.Empty;

    /// <summary>Bin midpoints (1-based), ascending.</summary>
    public IReadOnlyList<int> BinPositions { get; init; } = [];

    /// <summary>Bin log2 ratios, one per position.</summary>
    public IReadOnlyList<double> BinLog2 { get; init; } = [];

    /// <summary>Heterozygous SNP positions.</summary>
    public IReadOnlyList<int> SnpPositions { get; init; } = [];

    /// <summary>B-allele frequency at each SNP.</summary>
    public IReadOnlyList<double> SnpBaf { get; init; } = [];
}
