namespace CrbnVariantCaller.Formats.Expression;

/// <summary>One gene (or transcript aggregated to a gene) of one sample in an imported table.</summary>
/// <param name="Id">The identifier as the table gives it (gene symbol, Ensembl id, GENCODE gene name …).</param>
/// <param name="Counts">Reads/fragments (NumReads, expected_count, featureCounts counts), or null.</param>
/// <param name="Tpm">TPM as the tool reported it, or null.</param>
/// <param name="Length">Length (featureCounts Length, salmon/RSEM length; abundance-weighted when aggregated), or null.</param>
/// <param name="EffectiveLength">Effective length (salmon EffectiveLength, RSEM effective_length), or null.</param>
/// <param name="LineNumber">The line it came from (the first line, when aggregated).</param>
public sealed record ExpressionRecord(string Id, double? Counts, double? Tpm, double? Length, double? EffectiveLength, long LineNumber);
