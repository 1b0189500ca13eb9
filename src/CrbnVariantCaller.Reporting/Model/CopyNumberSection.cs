namespace CrbnVariantCaller.Reporting.Model;

/// <summary>Copy-number results (<c>copy_number</c>).</summary>
public sealed record CopyNumberSection
{
    /// <summary>CRBN copy number (<c>copy_number.crbn</c>).</summary>
    public CrbnCopyNumber Crbn { get; init; } = new();
}
