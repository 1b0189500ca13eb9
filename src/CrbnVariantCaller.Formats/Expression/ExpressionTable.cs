namespace CrbnVariantCaller.Formats.Expression;

/// <summary>An imported expression table: its format and one <see cref="ExpressionSample"/> per sample column.</summary>
/// <param name="FilePath">The file, as given.</param>
/// <param name="Format">The format detected from the header.</param>
/// <param name="Samples">Samples in column order (one for salmon, RSEM and gene-value tables).</param>
/// <param name="Note">How values were interpreted (e.g. "matrix values read as TPM"), for the report.</param>
public sealed record ExpressionTable(string FilePath, ExpressionTableFormat Format, IReadOnlyList<ExpressionSample> Samples, string Note);
