namespace CrbnVariantCaller.Reporting.Model;

/// <summary>Copy-number results (<c>copy_number</c>).</summary>
public sealed record CopyNumberSection
{
    /// <summary>CRBN copy number (<c>copy_number.crbn</c>).</summary>
    public CrbnCopyNumber Crbn { get; init; } = new();

    /// <summary>Segments of the CRBN contig (empty when not assessed).</summary>
    public IReadOnlyList<CopyNumberSegmentReport> Segments { get; init; } = [];

    /// <summary>Normals the panel left out as outliers, with why.</summary>
    public IReadOnlyList<string> OutlierNormals { get; init; } = [];

    /// <summary>The plot's points; null when not assessed.</summary>
    public CopyNumberPlotData? Plot { get; init; }
}
