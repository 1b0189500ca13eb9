namespace CrbnVariantCaller.Calling.Expression;

/// <summary>
/// The expression biomarkers the report always lists (facts/CRBN.md §2): CRBN, IKZF1, IKZF3, BSG, SLC16A1, ADAR,
/// MIR22HG (host gene of miR-22) and MYC. Only their directions are published with cohort-relative cut-offs, so the
/// pipeline reports counts, TPM and percentiles, never a call against a fixed threshold.
/// </summary>
public static class BiomarkerGenes
{
    /// <summary>The biomarker gene symbols, in report order.</summary>
    public static IReadOnlyList<string> Symbols { get; } = ["CRBN", "IKZF1", "IKZF3", "BSG", "SLC16A1", "ADAR", "MIR22HG", "MYC"];

    /// <summary>Whether <paramref name="symbol"/> is one of the biomarkers (case-insensitive).</summary>
    public static bool Contains(string symbol) => Symbols.Contains(symbol, StringComparer.OrdinalIgnoreCase);
}
