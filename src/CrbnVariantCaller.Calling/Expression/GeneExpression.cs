namespace CrbnVariantCaller.Calling.Expression;

/// <summary>Expression of one gene in one sample.</summary>
/// <param name="Symbol">Gene symbol.</param>
/// <param name="Counts">Assigned reads or fragments (featureCounts semantics), or the imported count; null when unknown.</param>
/// <param name="Tpm">Transcripts per million over the profile's genes (or as imported); null when unknown.</param>
/// <param name="Cpm">Counts per million mapped reads/fragments of the library; null without a library size.</param>
/// <param name="Length">Length used for TPM (union of exon bases, or the imported effective length); null when unknown.</param>
public sealed record GeneExpression(string Symbol, double? Counts, double? Tpm, double? Cpm, double? Length)
{
    /// <summary>log2(TPM + 1), the scale of the signature scores; null without TPM.</summary>
    public double? Log2Tpm => Tpm is double t ? Math.Log2(t + 1) : null;
}
