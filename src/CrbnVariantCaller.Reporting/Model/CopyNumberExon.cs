namespace CrbnVariantCaller.Reporting.Model;

/// <summary>One CRBN exon's copy ratio (<c>copy_number.crbn.exons[]</c>).</summary>
public sealed record CopyNumberExon
{
    /// <summary>Exon number (NM_016302.4).</summary>
    public int Exon { get; init; }

    /// <summary>log2 ratio over the exon window.</summary>
    public double Log2Ratio { get; init; }

    /// <summary>Its standard error.</summary>
    public double StandardError { get; init; }

    /// <summary><c>lost</c> when the exon is among those affected by a loss, else <c>present</c>.</summary>
    public string State { get; init; } = "present";
}
