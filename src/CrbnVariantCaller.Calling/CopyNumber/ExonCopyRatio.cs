namespace CrbnVariantCaller.Calling.CopyNumber;

/// <summary>One CRBN exon's copy ratio.</summary>
/// <param name="Exon">Exon number (NM_016302.4).</param>
/// <param name="Log2">log2 of the sample/panel depth ratio over the exon's targets.</param>
/// <param name="StandardError">Its standard error (panel spread and Poisson counting error).</param>
/// <param name="Depth">The sample's mean depth over the exon's targets.</param>
/// <param name="PanelDepth">The panel's median depth there.</param>
public sealed record ExonCopyRatio(int Exon, double Log2, double StandardError, double Depth, double PanelDepth)
{
    /// <summary>log2 in standard errors.</summary>
    public double Z => StandardError > 0 ? Log2 / StandardError : 0;
}
