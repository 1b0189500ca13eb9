namespace CrbnVariantCaller.Formats.Expression;

/// <summary>The content of a reference-cohort TSV (format in <c>Expression/README.md</c>).</summary>
/// <param name="SampleIds">Sample ids, in column order.</param>
/// <param name="TpmByGene">Per gene symbol, one TPM per sample (NaN = missing, written <c>NA</c>), in file order.</param>
/// <param name="TpmBasis">What the TPMs are relative to (e.g. <c>12 counted genes</c>); profiles ranked against the cohort must share it.</param>
/// <param name="Source">Free text: how the cohort was made (tool version, command).</param>
public sealed record ReferenceCohortTable(
    IReadOnlyList<string> SampleIds,
    IReadOnlyDictionary<string, double[]> TpmByGene,
    string TpmBasis,
    string Source)
{
    /// <summary>The format version this build reads and writes.</summary>
    public const int FormatVersion = 1;
}
